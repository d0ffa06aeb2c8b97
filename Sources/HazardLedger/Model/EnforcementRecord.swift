public import HazardCore

/// One spot-check finding or enforcement action, recorded as a chained event.
public struct EnforcementRecord: Hashable, Sendable {
    public var enterprise: USCC
    public var action: EnforcementAction
    public var day: Day
    /// For penalties: 10,000 yuan (万元).
    public var amount: Double?
    /// For judicial referrals and accountability: persons.
    public var persons: Int?
    public var note: String?

    public init(enterprise: USCC, action: EnforcementAction, day: Day, amount: Double? = nil, persons: Int? = nil, note: String? = nil) {
        self.enterprise = enterprise
        self.action = action
        self.day = day
        self.amount = amount
        self.persons = persons
        self.note = note
    }
}
