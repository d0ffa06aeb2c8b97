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
///
/// Fields are kept sorted by name, each name once: the order every writer puts them in. A
/// record has a handful of fields, so an array beats a dictionary both to build (no hashing)
/// and to write (no sorting per record, per evaluation).
public struct Record: Sendable, Hashable, CustomStringConvertible {
    public struct Field: Sendable, Hashable {
        public let name: String
        public let value: Value
    }

    /// By name (`String` order), each name once.
    public let sortedFields: [Field]

    public init(_ fields: [String: Value]) {
        sortedFields = fields.map { Field(name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
    }

    /// From fields already in name order, each name once (the caller's promise).
    init(sorted fields: [Field]) { sortedFields = fields }

    public var fields: [String: Value] { Dictionary(sortedFields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first }) }

    public subscript(_ field: String) -> Value? {
        for entry in sortedFields where entry.name == field { return entry.value }
        return nil
    }

    public var description: String {
        "{" + sortedFields.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
