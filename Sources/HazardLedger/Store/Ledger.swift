import Foundation
package import GRDB

/// The hazard ledger (隐患台账): inspections, hazards and their append-only, hash-chained
/// lifecycle events, in one SQLite file through GRDB.
///
/// A `Sendable` value around one `DatabaseWriter`: a `DatabasePool` (WAL, concurrent readers)
/// for files, an in-memory `DatabaseQueue` for tests. Every write is one transaction. Open each
/// file once per process and share the value.
public struct Ledger: Sendable {
    package let database: any DatabaseWriter
    /// Where event timestamps come from.
    public let clock: any LedgerClock

    /// Wraps an open database and migrates it.
    ///
    /// - Throws: `LedgerError` `.newerSchema` for a database from a newer build; GRDB errors.
    package init(database: any DatabaseWriter, clock: any LedgerClock, path: String = ":memory:") throws {
        try database.read { db in try LedgerSchema.checkNotNewer(db, path: path) }
        try LedgerSchema.migrator.migrate(database)
        self.database = database
        self.clock = clock
    }

    /// Opens (creating if needed) the ledger file at `path`: WAL, `synchronous=NORMAL`.
    ///
    /// - Parameter busyTimeout: how long a write waits for another process's write before it
    ///   fails with SQLITE_BUSY (`LedgerError.busy(from:)` recognises it).
    /// - Throws: `LedgerError` `.newerSchema`; `DatabaseError` when the file cannot be opened.
    public static func open(path: String, clock: any LedgerClock, busyTimeout: Double = 10) throws -> Ledger {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        return try Ledger(database: pool, clock: clock, path: path)
    }

    /// A fresh in-memory ledger (tests, previews).
    ///
    /// - Throws: GRDB errors (not expected).
    public static func inMemory(clock: any LedgerClock) throws -> Ledger {
        try Ledger(database: DatabaseQueue(), clock: clock)
    }
}
