/// One thing `verifyChain` found wrong: what kind, in which row, and what it saw.
public struct ChainProblem: Hashable, Sendable, CustomStringConvertible {
    /// Stable names (they appear in `verify-chain --json` output).
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// An event's stored content or hash does not give its stored hash.
        case eventAltered
        /// Sequence numbers are missing: events were deleted from inside the chain.
        case eventDeleted
        /// A row some hashed event accounts for is gone (an inspection, hazard, enterprise,
        /// site or enforcement row).
        case rowDeleted
        /// A row no event accounts for (a hazard with no events, an enterprise never registered…).
        case rowWithoutEvent
        /// A column differs from what the hashed events say it must be.
        case rowAltered
        /// A hazard's events do not replay through the lifecycle state machine.
        case replayFailed
        /// A ledger table, or a column of one, is gone or cannot be read.
        case schemaAltered
        /// An append-only trigger on `event` is missing.
        case triggerMissing
        /// An append-only trigger exists but its SQL is not what the ledger created.
        case triggerAltered
        /// A trigger the ledger never creates (it could rewrite rows as they are written).
        case triggerUnexpected
        /// The chain ends before the head kept elsewhere: events were removed from the end.
        case truncated
        /// The event at the head kept elsewhere has another hash: the history up to it was rewritten.
        case headMismatch
        /// The head kept elsewhere does not carry a valid HMAC under the given key: it was forged.
        case headSignatureInvalid
    }

    public var kind: Kind
    /// `event`, `inspection`, `hazard`, `enterprise`, `site`, `enforcement`, `trigger` or `head`.
    public var table: String
    /// The event's seq or the row's id; nil for triggers, the head and rows without an id.
    public var id: Int64?
    /// The column that differs, or the trigger's name.
    public var column: String?
    public var detail: String

    public init(_ kind: Kind, _ table: String, id: Int64? = nil, column: String? = nil, _ detail: String) {
        self.kind = kind
        self.table = table
        self.id = id
        self.column = column
        self.detail = detail
    }

    /// `hazard 3 region: …` — where, then what.
    public var location: String {
        var text = table
        if let id { text += " \(id)" }
        if let column { text += (id == nil ? " " : ".") + column }
        return text
    }

    public var description: String { "\(location): \(detail) [\(kind.rawValue)]" }
}
