import GRDB
import GRDBSQLite

/// Binds and steps a cached INSERT through the SQLite C API (GRDB's documented "raw SQLite
/// pointers"), inside the transaction GRDB holds. Recording an inspection runs ~22 INSERTs;
/// building `StatementArguments` for each was ~10 % of a write in the ledger benchmark.
/// Only for INSERTs into ledger tables that nothing observes.
struct RawInsert {
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    init(_ statement: Statement) { self.statement = statement }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        var text = value
        text.withUTF8 { utf8 in
            _ = utf8.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32(utf8.count), Self.transient) }
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    /// Binds `values` to parameters 1…n in order, steps once and resets.
    ///
    /// - Throws: `DatabaseError` (constraint violations, I/O errors).
    func run(_ db: Database, _ values: [SQLValue]) throws {
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .null: sqlite3_bind_null(handle, index)
            case .integer(let n): bind(index, n)
            case .real(let d): sqlite3_bind_double(handle, index, d)
            case .text(let s): bind(index, s)
            }
        }
        try run(db)
    }

    /// Steps the bound statement once and resets it.
    ///
    /// - Throws: `DatabaseError` (constraint violations, I/O errors).
    func run(_ db: Database) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
