public import HazardCore

// The Evaluation as `hazard evaluate --format json` prints it (the same keys as its Codable
// conformance, nil members omitted), written by hand so the hot path avoids Foundation JSON.
// `RPCEncodingTests` checks it against JSONEncoder's output.

extension Evaluation {
    public var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "checklist", value: .object([
                "id": .string(checklist.id.rawValue), "version": .string(checklist.version),
                "sha256": .string(checklist.sha256), "standard": .string(checklist.standard), "title": .string(checklist.title),
            ])),
        ]
        if let inspectionDate { members.append(JSONMember(key: "inspection_date", value: .string(inspectionDate.description))) }
        members.append(JSONMember(key: "findings", value: .array(findings.map(\.jsonValue))))
        members.append(JSONMember(key: "counts", value: counts.jsonValue))
        if let score { members.append(JSONMember(key: "score", value: .number(score))) }
        if let completeness { members.append(JSONMember(key: "completeness", value: .number(completeness))) }
        members.append(JSONMember(key: "rating", value: .object([
            "level": .string(rating.level.rawValue), "label": .string(rating.label), "provisional": .bool(rating.provisional),
        ])))
        members.append(JSONMember(key: "sections", value: .array(sections.map { section in
            var fields = [JSONMember(key: "id", value: .string(section.id)), JSONMember(key: "title", value: .string(section.title)),
                          JSONMember(key: "counts", value: section.counts.jsonValue)]
            if let score = section.score { fields.append(JSONMember(key: "score", value: .number(score))) }
            return .object(fields)
        })))
        members.append(JSONMember(key: "facts", value: .object(facts.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: $0.value.jsonValue) })))
        members.append(JSONMember(key: "warnings", value: .array(warnings.map { .string($0) })))
        return .object(members)
    }
}

extension Evaluation.Counts {
    var jsonValue: JSONValue {
        .object([
            "major": .number(major), "general": .number(general), "compliant": .number(compliant),
            "not_applicable": .number(notApplicable), "unanswered": .number(unanswered), "manual": .number(manual),
        ])
    }
}

extension Finding {
    var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "criterion", value: .string(criterion.rawValue)),
            JSONMember(key: "clause", value: .string(clause)),
            JSONMember(key: "title", value: .string(title)),
        ]
        if let section { members.append(JSONMember(key: "section", value: .string(section))) }
        members.append(JSONMember(key: "grade", value: .string(grade.rawValue)))
        members.append(JSONMember(key: "status", value: .string(status.rawValue)))
        members.append(JSONMember(key: "weight", value: .number(weight)))
        members.append(JSONMember(key: "manual", value: .bool(isManual)))
        members.append(JSONMember(key: "evidence", value: .array(evidence.map { item in
            var fields = [JSONMember(key: "kind", value: .string(item.kind.rawValue)), JSONMember(key: "name", value: .string(item.name))]
            if let label = item.label { fields.append(JSONMember(key: "label", value: .string(label))) }
            if let value = item.value { fields.append(JSONMember(key: "value", value: value.jsonValue)) }
            if let unit = item.unit { fields.append(JSONMember(key: "unit", value: .string(unit))) }
            return .object(fields)
        })))
        if let advice { members.append(JSONMember(key: "advice", value: .string(advice))) }
        if let note { members.append(JSONMember(key: "note", value: .string(note))) }
        return .object(members)
    }
}

extension Value {
    /// As `Value`'s Codable form: dates as `YYYY-MM-DD`, lists as arrays of objects.
    public var jsonValue: JSONValue {
        switch self {
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .date(let d): return .string(d.description)
        case .list(let records):
            return .array(records.map { record in
                .object(record.fields.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: $0.value.jsonValue) })
            })
        }
    }
}
