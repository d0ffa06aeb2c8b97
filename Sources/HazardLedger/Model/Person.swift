/// Who did something in the ledger, and in what capacity (谁检查、谁签名、谁负责).
public struct Person: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    /// Free text: `inspector`, `safety officer`, `enterprise principal`, `county ERM bureau`…
    public var role: String
    /// The authenticated credential the act came through (an RPC token's name); nil for the
    /// local CLI, where the operating-system account is the credential.
    public var principal: String?
    /// True when `principal` is shared by several people (a loopback console, an integration
    /// that names the person it relays for): then `name` tells them apart, and the four-eyes
    /// rule compares normalised names rather than the credential. Recorded in the event.
    public var actsForSeveral: Bool

    public init(name: String, role: String, principal: String? = nil, actsForSeveral: Bool = false) {
        self.name = name
        self.role = role
        self.principal = principal
        self.actsForSeveral = actsForSeveral
    }

    public var description: String { "\(name) (\(role))" }

    /// The name as the four-eyes rule compares it (see `PersonName.normalised`).
    public var normalisedName: String { PersonName.normalised(name) }

    /// Whether `self` and `other` are, as far as the ledger can tell, the same person: the same
    /// normalised name, or the same credential when that credential belongs to one person.
    public func isSamePerson(as other: Person) -> Bool {
        if normalisedName == other.normalisedName { return true }
        if let principal, principal == other.principal, !actsForSeveral || !other.actsForSeveral { return true }
        return false
    }
}
