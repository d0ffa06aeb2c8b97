/// An answer or fact value.
///
/// Integers are carried as `number` (an `integer` question checks integrality); enum answers
/// are `string` holding the option value.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case number(Double)
    case string(String)
    case date(Day)
    case list([Record])

    public var description: String {
        switch self {
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return Value.format(n)
        case .string(let s): return s
        case .date(let d): return d.description
        case .list(let records): return "[" + records.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// Numbers print without a trailing `.0` when integral, as inspectors write them.
    public static func format(_ n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }

    public var bool: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var number: Double? { if case .number(let n) = self { return n }; return nil }
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var date: Day? { if case .date(let d) = self { return d }; return nil }
    public var records: [Record]? { if case .list(let r) = self { return r }; return nil }
}

/// One row of a list-of-records answer, e.g. `{substance: 液氯, quantity_t: 50}`.
public struct Record: Sendable, Hashable, CustomStringConvertible {
    public var fields: [String: Value]
    public init(_ fields: [String: Value]) { self.fields = fields }
    public subscript(_ field: String) -> Value? { fields[field] }
    public var description: String {
        "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
