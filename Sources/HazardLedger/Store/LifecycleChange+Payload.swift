import HazardCore
import HazardJSON

extension LifecycleChange {
    /// Reads back a change from the event kind and the canonical payload `Ledger.payload`
    /// wrote, so verification can replay a hazard's events. Nil when the payload does not
    /// describe a change of that kind.
    static func decode(kind: String, payload: String) -> LifecycleChange? {
        guard let object = try? JSONReader.read(payload), case .object = object else { return nil }
        func text(_ key: String) -> String? { object[key]?.string }
        func day(_ key: String) -> Day?? {
            guard let value = object[key], !value.isNull else { return .some(nil) }
            guard let string = value.string, let parsed = Day(iso: string) else { return nil }
            return .some(parsed)
        }
        switch kind {
        case "reported":
            return text("grade").flatMap(Grade.init(rawValue:)).map { .reported(grade: $0) }
        case "planned":
            guard let deadline = day("deadline") else { return nil }
            return .planned(RectificationPlan(responsible: text("responsible"), measures: text("measures"), funds: text("funds"),
                                              deadline: deadline, contingency: text("contingency")))
        case "rectified": return .rectified(note: text("note"))
        case "verified": return .verified(note: text("note"))
        case "unsupervised": return .unsupervised(note: text("note"))
        case "rejected": return text("reason").map { .rejected(reason: $0) }
        case "supervised":
            guard let authority = text("authority"), let deadline = day("deadline") else { return nil }
            return .supervised(authority: authority, deadline: deadline)
        default: return nil
        }
    }
}

extension Person {
    /// The actor of a stored event: its `actor` and `role` columns, and the credential from the
    /// payload's `acting` member (absent in events written before it was recorded).
    static func decode(name: String, role: String, payload: String) -> Person {
        var person = Person(name: name, role: role)
        guard payload.contains("\"acting\""),
              let object = try? JSONReader.read(payload),
              let acting = object["acting"], case .object = acting else { return person }
        person.principal = acting["principal"]?.string
        person.actsForSeveral = acting["shared"]?.bool ?? false
        return person
    }
}
