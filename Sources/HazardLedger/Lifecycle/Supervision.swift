public import HazardCore

/// Government supervision of a major hazard (挂牌督办).
public struct Supervision: Hashable, Sendable {
    /// Who put it under supervision, e.g. `XX市安委会`.
    public var authority: String
    public var deadline: Day?
    public var since: Day

    public init(authority: String, deadline: Day?, since: Day) {
        self.authority = authority
        self.deadline = deadline
        self.since = since
    }
}
