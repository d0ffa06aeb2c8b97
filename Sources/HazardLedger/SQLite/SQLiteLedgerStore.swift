import Foundation
import GRDB

/// The ledger in one SQLite file through GRDB: a `DatabasePool` (WAL, concurrent readers) for
/// files, an in-memory `DatabaseQueue` for tests. SQLite has one writer at a time, which is
/// what keeps the hash chain a chain.
struct SQLiteLedgerStore: LedgerStore {
    let database: any DatabaseWriter
    let location: String

    /// Wraps an open database and migrates it.
    ///
    /// - Throws: `LedgerError` `.newerSchema` for a database from a newer build; GRDB errors.
    init(database: any DatabaseWriter, path: String) throws {
        try database.read { db in try LedgerSchema.checkNotNewer(db, path: path) }
        try LedgerSchema.migrator.migrate(database)
        self.database = database
        location = path
    }

    /// Opens (creating if needed) the file at `path`: WAL, `synchronous=NORMAL`.
    static func open(path: String, busyTimeout: Double) throws -> SQLiteLedgerStore {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return try SQLiteLedgerStore(database: try DatabasePool(path: path, configuration: configuration), path: path)
    }

    func close() async {}

    func rows(of table: LedgerTable, batch: Int, _ body: @Sendable ([[SQLValue]]) async throws -> Void) async throws {
        var after = Int64.min
        while true {
            let sql = "SELECT \(table.columns.map(\.name).joined(separator: ", ")) FROM \(table.rawValue) WHERE \(table.key) > ? ORDER BY \(table.key) LIMIT ?"
            let arguments: StatementArguments = [after, batch]
            let page = try await database.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    (0..<row.count).map { i -> SQLValue in
                        switch (row[i] as DatabaseValue).storage {
                        case .null: .null
                        case .int64(let n): .integer(n)
                        case .double(let d): .real(d)
                        case .string(let s): .text(s)
                        case .blob(let b): .text(String(decoding: b, as: UTF8.self))
                        }
                    }
                }
            }
            guard let last = page.last else { return }
            try await body(page)
            guard case .integer(let key) = last[0] else { return }
            after = key
        }
    }

    func insert(_ rows: [[SQLValue]], into table: LedgerTable) async throws {
        let sql = table.insertSQL
        try await database.write { db in
            let statement = try db.cachedStatement(sql: sql)
            for row in rows { try statement.execute(arguments: StatementArguments(row.map(\.databaseValue))) }
        }
    }
}
