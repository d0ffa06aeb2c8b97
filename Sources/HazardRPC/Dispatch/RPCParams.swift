public import HazardCore
public import HazardJSON
import HazardCoreJSON

/// Typed access to a request's named params. Every accessor throws -32602 naming the field;
/// `finish()` rejects members nobody read, so a misspelt option is an error, not ignored.
public struct RPCParams: Sendable {
    public let value: JSONValue
    private var read: Set<String> = []

    public init(_ value: JSONValue) { self.value = value }

    private mutating func member(_ key: String) -> JSONValue? {
        read.insert(key)
        guard let found = value[key], !found.isNull else { return nil }
        return found
    }

    private func wrongType(_ key: String, _ expected: String, _ got: JSONValue) -> RPCError {
        .invalidParams("\(key) must be \(expected), not \(got.typeName)", field: key, expected: expected)
    }

    private func missing(_ key: String, _ expected: String) -> RPCError {
        .invalidParams("missing \(key) (\(expected))", field: key, expected: expected)
    }

    public mutating func optionalString(_ key: String) throws(RPCError) -> String? {
        guard let found = member(key) else { return nil }
        guard case .string(let s) = found else { throw wrongType(key, "a string", found) }
        return s
    }

    public mutating func string(_ key: String) throws(RPCError) -> String {
        guard let s = try optionalString(key) else { throw missing(key, "a string") }
        return s
    }

    public mutating func optionalInt(_ key: String, in range: ClosedRange<Int>? = nil) throws(RPCError) -> Int? {
        guard let found = member(key) else { return nil }
        guard case .number(let n) = found, let int = n.int else { throw wrongType(key, "an integer", found) }
        if let range, !range.contains(int) {
            throw .invalidParams("\(key) must be in \(range.lowerBound)…\(range.upperBound)", field: key, expected: "an integer in \(range.lowerBound)…\(range.upperBound)")
        }
        return int
    }

    public mutating func optionalBool(_ key: String) throws(RPCError) -> Bool? {
        guard let found = member(key) else { return nil }
        guard case .bool(let b) = found else { throw wrongType(key, "a boolean", found) }
        return b
    }

    public mutating func optionalDay(_ key: String) throws(RPCError) -> Day? {
        guard let text = try optionalString(key) else { return nil }
        guard let day = Day(iso: text) else {
            throw .invalidParams("\(key) must be a date YYYY-MM-DD, not '\(text)'", field: key, expected: "a date YYYY-MM-DD")
        }
        return day
    }

    public mutating func day(_ key: String) throws(RPCError) -> Day {
        guard let day = try optionalDay(key) else { throw missing(key, "a date YYYY-MM-DD") }
        return day
    }

    public mutating func optionalObject(_ key: String) throws(RPCError) -> JSONValue? {
        guard let found = member(key) else { return nil }
        guard case .object = found else { throw wrongType(key, "an object", found) }
        return found
    }

    public mutating func object(_ key: String) throws(RPCError) -> JSONValue {
        guard let found = try optionalObject(key) else { throw missing(key, "an object") }
        return found
    }

    public mutating func optionalStrings(_ key: String) throws(RPCError) -> [String]? {
        guard let found = member(key) else { return nil }
        guard case .array(let items) = found else { throw wrongType(key, "an array of strings", found) }
        var strings: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw wrongType(key, "an array of strings", item) }
            strings.append(s)
        }
        return strings
    }

    /// Marks a member as understood without reading it (e.g. passed through as a whole).
    public mutating func any(_ key: String) -> JSONValue? { member(key) }

    /// - Throws: -32602 for the first member no accessor asked for.
    public func finish() throws(RPCError) {
        guard case .object(let members) = value else { return }
        for member in members where !read.contains(member.key) {
            throw .invalidParams("unknown parameter '\(member.key)'", field: member.key)
        }
    }
}
