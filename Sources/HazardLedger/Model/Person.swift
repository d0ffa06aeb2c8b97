/// Who did something in the ledger, and in what capacity (谁检查、谁签名、谁负责).
public struct Person: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String
    /// Free text: `inspector`, `safety officer`, `enterprise principal`, `county ERM bureau`…
    public var role: String

    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }

    public var description: String { "\(name) (\(role))" }
}
