import PostgresNIO

/// Whether a PostgreSQL session may write: asked when a ledger is opened, and again when the
/// server refuses a write, to say why.
///
/// A hot standby (`pg_is_in_recovery()`) and a session whose transactions are read-only by
/// default (`default_transaction_read_only = on` for its user or database) refuse every
/// `CREATE` and `INSERT`; such a ledger is opened without creating or migrating anything, and
/// its writes fail with a `LedgerError` instead of the server's error.
enum PostgresAccess: Sendable, Equatable {
    case readWrite
    /// The server is a standby replaying the primary's WAL.
    case hotStandby
    /// The session's transactions are read-only (a role or database setting).
    case readOnlySession

    /// Asks the server on one connection of `client`.
    static func of(_ client: PostgresClient) async throws -> PostgresAccess {
        try await client.withConnection { c in
            let rows = try await c.query("SELECT pg_is_in_recovery(), current_setting('transaction_read_only')", logger: PostgresLedgerStore.logger)
            for try await (inRecovery, readOnly) in rows.decode((Bool, String).self) {
                if inRecovery { return .hotStandby }
                return readOnly == "on" ? .readOnlySession : .readWrite
            }
            return .readWrite
        }
    }

    /// What the database is, for messages; nil when it takes writes.
    var readOnlyReason: String? {
        switch self {
        case .readWrite: nil
        case .hotStandby: "a hot standby"
        case .readOnlySession: "the session is read-only: default_transaction_read_only is on for this user or database"
        }
    }

    /// Where writes must go instead.
    var remedy: String {
        switch self {
        case .hotStandby: "writes go to the primary"
        case .readWrite, .readOnlySession: "writes need a read-write connection (another user, or the primary)"
        }
    }
}
