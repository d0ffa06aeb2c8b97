package import HazardJSON

/// An event payload being built: members added by name, written by HazardJSON's one writer
/// with sorted keys (`JSONValue.sortingKeys`), so the text is canonical and can be re-hashed
/// byte for byte. Absent optionals are written as `null`: verification tells "recorded as
/// none" (a NULL column) from "not recorded" (an older payload without the member).
package struct CanonicalJSON {
    private var members: [JSONMember] = []

    init(capacity: Int = 16) { members.reserveCapacity(capacity) }

    mutating func add(_ key: String, _ value: String?) { members.append(JSONMember(key: key, value: .string(value))) }
    mutating func add(_ key: String, _ value: Int?) { members.append(JSONMember(key: key, value: value.map { JSONValue.number($0) } ?? .null)) }
    mutating func add(_ key: String, _ value: Double?) { members.append(JSONMember(key: key, value: value.map { JSONValue.number($0) } ?? .null)) }
    mutating func add(_ key: String, _ value: Bool) { members.append(JSONMember(key: key, value: .bool(value))) }
    mutating func add(_ key: String, strings: [String]) { members.append(JSONMember(key: key, value: .array(strings.map { JSONValue.string($0) }))) }
    mutating func add(_ key: String, object: CanonicalJSON) { members.append(JSONMember(key: key, value: object.value)) }

    /// The payload as a value.
    var value: JSONValue { .object(members) }

    /// The canonical text.
    func finish() -> String { Self.text(value) }

    /// Any value's canonical text: its one encoding with sorted keys (what the ledger stores
    /// for an evaluation, and hashes by its SHA-256).
    package static func text(_ value: JSONValue) -> String { JSONWriter.string(value.sortingKeys) }
}
