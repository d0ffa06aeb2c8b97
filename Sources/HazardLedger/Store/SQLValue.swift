/// A value bound to or read from a ledger query, the same for both stores (SQLite maps it to
/// GRDB's `DatabaseValue`, PostgreSQL to a typed bind).
package enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    init(_ value: Int64?) { self = value.map(SQLValue.integer) ?? .null }
    init(_ value: Double?) { self = value.map(SQLValue.real) ?? .null }
    init(_ value: Bool) { self = .integer(value ? 1 : 0) }
}

/// SQL with `?` placeholders and its arguments.
package struct SQLQuery: Sendable {
    package var sql: String
    package var arguments: [SQLValue]
}
