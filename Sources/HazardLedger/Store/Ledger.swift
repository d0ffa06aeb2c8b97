import Foundation
package import GRDB

/// The hazard ledger (隐患台账): inspections, hazards and their append-only, hash-chained
/// lifecycle events, in a SQLite file (GRDB) or a PostgreSQL database (postgres-nio).
///
/// A `Sendable` value holding the rules over a `LedgerStore`. Every write is one transaction.
/// Open each file or database once per process and share the value.
public struct Ledger: Sendable {
    package let store: any LedgerStore
    /// Where event timestamps come from.
    public let clock: any LedgerClock

    package init(store: any LedgerStore, clock: any LedgerClock) {
        self.store = store
        self.clock = clock
    }

    /// Wraps an open SQLite database and migrates it.
    ///
    /// - Throws: `LedgerError` `.newerSchema` for a database from a newer build; GRDB errors.
    package init(database: any DatabaseWriter, clock: any LedgerClock, path: String = ":memory:") throws {
        self.init(store: try SQLiteLedgerStore(database: database, path: path), clock: clock)
    }

    /// The SQLite database behind a SQLite ledger (tests and benchmarks reach past the rules).
    ///
    /// - Throws: `LedgerError` `.invalidInput` for a ledger on PostgreSQL.
    package var database: any DatabaseWriter {
        get throws {
            guard let sqlite = store as? SQLiteLedgerStore else {
                throw LedgerError(.invalidInput, "the ledger at \(store.location) is not a SQLite file")
            }
            return sqlite.database
        }
    }

    /// Where the ledger is: a file path, or a PostgreSQL URL without its password.
    public var location: String { store.location }

    /// Opens (creating if needed) the ledger file at `path`: WAL, `synchronous=NORMAL`.
    ///
    /// - Parameter busyTimeout: how long a write waits for another process's write before it
    ///   fails with SQLITE_BUSY (`LedgerError.busy(from:)` recognises it).
    /// - Throws: `LedgerError` `.newerSchema`; `DatabaseError` when the file cannot be opened.
    public static func open(path: String, clock: any LedgerClock, busyTimeout: Double = 10) throws -> Ledger {
        Ledger(store: try SQLiteLedgerStore.open(path: path, busyTimeout: busyTimeout), clock: clock)
    }

    /// Opens the ledger `location` names: a SQLite file, or a PostgreSQL database (connecting,
    /// creating the schema if needed, refusing one written by a newer build). A hot standby or
    /// read-only session opens read-only: nothing is created or migrated, writes throw `.readOnly`.
    ///
    /// - Throws: `LedgerError` `.newerSchema`, `.readOnly` (read-only and the schema missing or
    ///   behind), `.busy` (PostgreSQL unreachable); `PostgresServerError`; GRDB errors.
    public static func open(_ location: LedgerLocation, clock: any LedgerClock) async throws -> Ledger {
        switch location {
        case .sqlite(let path):
            return try open(path: path, clock: clock)
        case .postgres(let configuration):
            return Ledger(store: try await PostgresLedgerStore.open(configuration), clock: clock)
        }
    }

    /// A fresh in-memory ledger (tests, previews).
    ///
    /// - Throws: GRDB errors (not expected).
    public static func inMemory(clock: any LedgerClock) throws -> Ledger {
        try Ledger(database: DatabaseQueue(), clock: clock)
    }

    /// Closes the store's connections (PostgreSQL); a SQLite file closes with the last copy.
    public func close() async { await store.close() }
}
