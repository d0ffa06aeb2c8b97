/// What `verifyChain` found: every problem, not only the first.
public struct ChainReport: Hashable, Sendable {
    /// Events read (whatever their state).
    public var events: Int
    /// The last event's seq and hash (unsigned); nil for an empty ledger.
    public var head: ChainHead?
    /// Every problem, in the order found: events, then triggers, then rows, then the head.
    public var problems: [ChainProblem]
    /// What was not checked and why (a head's HMAC without a key, rows derived from an event
    /// that itself failed), so a clean report never overstates what it covered.
    public var notes: [String]

    public init(events: Int, head: ChainHead?, problems: [ChainProblem], notes: [String] = []) {
        self.events = events
        self.head = head
        self.problems = problems
        self.notes = notes
    }

    public var isIntact: Bool { problems.isEmpty }

    /// The first event altered or deleted, nil when every stored event hashes right.
    public var firstBadEvent: Int64? {
        problems.first { $0.table == "event" && ($0.kind == .eventAltered || $0.kind == .eventDeleted) }?.id
    }

    /// The first hazard whose row is not what its events say.
    public var mismatchedHazard: HazardID? {
        problems.first { $0.table == "hazard" }?.id.map(HazardID.init(rawValue:))
    }

    /// One line: a summary when intact, else the count and the first problem.
    public var message: String {
        guard let first = problems.first else {
            return "\(events) events, chain intact; every inspection, hazard, enterprise, site and enforcement row matches its events; append-only triggers in place"
        }
        return "\(problems.count) problem\(problems.count == 1 ? "" : "s") in a ledger of \(events) events; first: \(first)"
    }
}
