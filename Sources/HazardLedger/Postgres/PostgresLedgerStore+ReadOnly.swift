import PostgresNIO

/// A ledger on a database that takes no writes (`PostgresAccess`): a hot standby, or a session
/// read-only by default. Reads, `verify-chain` and `head` work as on the primary; nothing is
/// created or migrated, and a write fails with `LedgerError.readOnly` saying which and where
/// writes go. The server decides each write (not a flag set at open), so once a standby is
/// promoted the same open ledger writes.
extension PostgresLedgerStore {
    /// SQLSTATE `read_only_sql_transaction`: a write in a read-only transaction or on a standby.
    static let readOnlySQLState = "25006"

    /// Checks, without changing anything, that the schema is there with exactly the migrations
    /// this build knows.
    ///
    /// - Throws: `LedgerError` `.readOnly` when the ledger is missing or lacks migrations (they
    ///   cannot be applied here), `.newerSchema` when it has migrations this build does not know.
    func checkSchema(readOnly reason: String) async throws {
        let applied = try await transaction(" READ ONLY") { c -> Set<String>? in
            var exists = false
            for try await present in try await c.query("SELECT to_regclass('ledger_migrations') IS NOT NULL", logger: Self.logger).decode(Bool.self) {
                exists = present
            }
            guard exists else { return nil }
            var applied: Set<String> = []
            for try await name in try await c.query("SELECT identifier FROM ledger_migrations", logger: Self.logger).decode(String.self) {
                applied.insert(name)
            }
            return applied
        }
        guard let applied else {
            throw LedgerError(.readOnly, "no ledger at \(location): the database has no ledger_migrations table and is read-only (\(reason)), so none is created here; create the ledger through a read-write connection to the primary (any hazard command that writes does)")
        }
        try refuseUnknown(applied)
        let missing = PostgresSchema.migrations.map(\.name).filter { !applied.contains($0) }
        guard missing.isEmpty else {
            throw LedgerError(.readOnly, "the ledger at \(location) lacks schema migrations \(missing.joined(separator: ", ")) this build needs, and the database is read-only (\(reason)), so they are not applied here; open the ledger once with this build through a read-write connection to the primary (a standby replays the migration), or use the hazard version that wrote it")
        }
    }

    /// A write transaction; the server's refusal on a read-only database as `LedgerError`
    /// `.readOnly` naming why (asked only then, so a healthy write costs nothing extra).
    ///
    /// - Throws: `LedgerError` `.readOnly`, or what `transaction` throws.
    func writeTransaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await transaction("", body)
        } catch let error as LedgerError where error.code == .readOnly {
            guard let access = try? await PostgresAccess.of(client), let reason = access.readOnlyReason else { throw error }
            throw LedgerError(.readOnly, "the ledger at \(location) is read-only (\(reason)): \(access.remedy)")
        }
    }
}
