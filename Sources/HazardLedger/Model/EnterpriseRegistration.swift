/// What `Ledger.register` did: the enterprise as stored now, as it was before (nil when it is
/// new), and which fields the registration changed, so a re-registration can say so.
public struct EnterpriseRegistration: Hashable, Sendable {
    /// A field of the enterprise record a registration can change.
    public enum Field: String, Hashable, Sendable, CaseIterable {
        case name, region, sectors, sites
    }

    /// The enterprise as stored after the registration.
    public var enterprise: Enterprise
    /// The enterprise as stored before; nil when the registration created it.
    public var previous: Enterprise?

    public init(enterprise: Enterprise, previous: Enterprise?) {
        self.enterprise = enterprise
        self.previous = previous
    }

    public var isNew: Bool { previous == nil }

    /// The fields whose stored value changed, in `Field` order; empty when the enterprise is
    /// new or nothing changed.
    public var changedFields: [Field] {
        guard let previous else { return [] }
        return Field.allCases.filter { Self.values($0, of: previous) != Self.values($0, of: enterprise) }
    }

    /// One line per changed field, `field: before → after` (lists joined with `,`).
    public var changeDescriptions: [String] {
        changedFields.map { field in
            let before = previous.map { Self.values(field, of: $0) } ?? []
            let after = Self.values(field, of: enterprise)
            let shown = { (values: [String]) in values.isEmpty ? "—" : values.joined(separator: ",") }
            return "\(field.rawValue): \(shown(before)) → \(shown(after))"
        }
    }

    /// A field's value as a list of strings (one element for name and region).
    public static func values(_ field: Field, of enterprise: Enterprise) -> [String] {
        switch field {
        case .name: return [enterprise.name]
        case .region: return [enterprise.region]
        case .sectors: return enterprise.sectors
        case .sites: return enterprise.sites
        }
    }
}
