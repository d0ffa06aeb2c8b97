import Logging
import Foundation
import PostgresNIO

/// The ledger in a PostgreSQL database several `hazard serve` processes share, through a
/// postgres-nio connection pool.
///
/// The hash chain under concurrent writers: every write transaction first takes
/// `pg_advisory_xact_lock` on one key per schema, then reads the chain's last event and
/// appends after it. Writers therefore commit one after another, exactly as SQLite's single
/// writer does, and a transition reads the hazard only once it holds the lock, so of two
/// racing transitions the second sees the first's result (and gets `IllegalTransition` when
/// the state no longer allows it). Readers never take the lock.
final class PostgresLedgerStore: LedgerStore {
    let client: PostgresClient
    let location: String
    private let runner: Task<Void, Never>
    static let logger = Logger(label: "hazard.ledger.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The lock every write takes: one per schema, so ledgers in different schemas of one
    /// database do not wait for each other.
    static let chainLock = "SELECT pg_advisory_xact_lock(hashtext('hazard-ledger-chain:' || current_schema()))"

    private init(client: PostgresClient, location: String) {
        self.client = client
        self.location = location
        runner = Task { await client.run() }
    }

    /// Connects, creates the schema when missing, applies migrations this build knows and
    /// refuses a database with migrations it does not. On a hot standby or a read-only session
    /// nothing is created or migrated: the schema must be there with exactly this build's
    /// migrations (`PostgresLedgerStore+ReadOnly`); the server refuses writes.
    ///
    /// - Throws: `LedgerError` `.newerSchema`, `.readOnly` (a read-only database whose schema is
    ///   missing or behind this build), `.busy` (unreachable); `PostgresServerError`.
    static func open(_ location: PostgresLocation) async throws -> PostgresLedgerStore {
        var configuration: PostgresClient.Configuration
        if let socket = location.socketDirectory {
            configuration = .init(unixSocketPath: socket + "/.s.PGSQL.\(location.port)", username: location.user,
                                  password: location.password, database: location.database)
        } else {
            configuration = .init(host: location.host, port: location.port, username: location.user, password: location.password,
                                  database: location.database, tls: .disable)
        }
        if let schema = location.schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        configuration.options.maximumConnections = 16
        let store = PostgresLedgerStore(client: PostgresClient(configuration: configuration), location: location.description)
        do {
            if let reason = try await PostgresAccess.of(store.client).readOnlyReason {
                try await store.checkSchema(readOnly: reason)
            } else {
                if let schema = location.schema {
                    try await store.client.withConnection { c in
                        try await c.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""), logger: logger)
                    }
                }
                try await store.migrate()
            }
        } catch {
            await store.close()
            throw Self.translate(error, location: location.description)
        }
        return store
    }

    func close() async {
        runner.cancel()
        _ = await runner.value
    }

    /// Applies the migrations not yet recorded, under the chain lock so two servers starting
    /// at once do not both run one.
    private func migrate() async throws {
        try await transaction { c in
            try await c.query(PostgresQuery(unsafeSQL: Self.chainLock), logger: Self.logger)
            try await c.query("CREATE TABLE IF NOT EXISTS ledger_migrations (identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                              logger: Self.logger)
            var applied: Set<String> = []
            for try await (name) in try await c.query("SELECT identifier FROM ledger_migrations", logger: Self.logger).decode(String.self) {
                applied.insert(name)
            }
            try self.refuseUnknown(applied)
            for (name, sql) in PostgresSchema.migrations where !applied.contains(name) {
                for statement in Self.statements(sql) { try await c.query(PostgresQuery(unsafeSQL: statement), logger: Self.logger) }
                try await c.query("INSERT INTO ledger_migrations (identifier) VALUES (\(name))", logger: Self.logger)
            }
        }
    }

    /// - Throws: `LedgerError` `.newerSchema` when `applied` holds migrations this build does not know.
    func refuseUnknown(_ applied: Set<String>) throws {
        let unknown = applied.subtracting(PostgresSchema.migrations.map(\.name)).sorted()
        guard unknown.isEmpty else {
            throw LedgerError(.newerSchema, "the ledger \(location) was written by a newer version of hazard (schema migrations \(unknown.joined(separator: ", ")) are unknown to this build); upgrade hazard to open it")
        }
    }

    /// A migration's statements: each ends with `;` at the end of a line (a function body's
    /// inner `;` does not), and the extended protocol runs one at a time.
    static func statements(_ sql: String) -> [String] {
        sql.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    }

    // MARK: Running queries

    /// Runs `body` in one transaction on one pooled connection: COMMIT when it returns,
    /// ROLLBACK when it throws, and the error it threw passed on as it is (an
    /// `IllegalTransition` stays one).
    func transaction<T: Sendable>(_ isolation: String = "", _ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { c in
                try await c.query(PostgresQuery(unsafeSQL: "BEGIN" + isolation), logger: Self.logger)
                do {
                    let value = try await body(c)
                    try await c.query("COMMIT", logger: Self.logger)
                    return value
                } catch {
                    _ = try? await c.query("ROLLBACK", logger: Self.logger)
                    throw error
                }
            }
        } catch {
            throw Self.translate(error, location: location)
        }
    }

    /// A `SQLQuery` (placeholders `?`) as postgres-nio's (`$1`…).
    static func query(_ q: SQLQuery) -> PostgresQuery {
        var sql = ""
        sql.reserveCapacity(q.sql.utf8.count + 16)
        var n = 0
        for ch in q.sql {
            if ch == "?" { n += 1; sql += "$\(n)" } else { sql.append(ch) }
        }
        var binds = PostgresBindings(capacity: q.arguments.count)
        for value in q.arguments {
            switch value {
            case .null: binds.appendNull()
            case .integer(let i): binds.append(i)
            case .real(let d): binds.append(d)
            case .text(let s): binds.append(s)
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// Every row of `q`, read by column name.
    static func fetch(_ c: PostgresConnection, _ q: SQLQuery) async throws -> [PostgresRowReading] {
        var rows: [PostgresRowReading] = []
        for try await row in try await c.query(query(q), logger: logger) { rows.append(PostgresRowReading(row: row.makeRandomAccess())) }
        return rows
    }

    static func execute(_ c: PostgresConnection, _ q: SQLQuery) async throws {
        try await c.query(query(q), logger: logger)
    }

    /// A server or connection error as the ledger's own when it has a meaning for callers.
    static func translate(_ error: any Error, location: String) -> any Error {
        guard let error = error as? PSQLError else { return error }
        if error.serverInfo?[.sqlState] == readOnlySQLState {
            // A write on a standby or in a read-only session; `writeTransaction` says which.
            return LedgerError(.readOnly, "the ledger at \(location) is read-only (\(error.serverInfo?[.message] ?? "the server refused a write")): writes go to the primary")
        }
        if let message = error.serverInfo?[.message] {
            return PostgresServerError(sqlState: error.serverInfo?[.sqlState] ?? "", message: message, location: location)
        }
        // Connection refused, reset or closed: the same call may succeed once the server is back.
        return LedgerError(.busy, "cannot reach the PostgreSQL ledger at \(location) (\(error.code)); retry the call")
    }
}

/// A PostgreSQL row read by column name.
struct PostgresRowReading: RowReading {
    let row: PostgresRandomAccessRow

    func text(_ column: String) throws -> String? { try row[column].decode(String?.self) }
    func integer(_ column: String) throws -> Int64? { try row[column].decode(Int64?.self) }
    func real(_ column: String) throws -> Double? { try row[column].decode(Double?.self) }
    func text(at i: Int) throws -> String? { try row[i].decode(String?.self) }
    func integer(at i: Int) throws -> Int64? { try row[i].decode(Int64?.self) }
    func real(at i: Int) throws -> Double? { try row[i].decode(Double?.self) }
}

/// An error the PostgreSQL server reported (a refused statement), with its SQLSTATE.
public struct PostgresServerError: Error, Sendable, CustomStringConvertible {
    public var sqlState: String
    public var message: String
    public var location: String

    public var description: String { "error: PostgreSQL (\(location)) refused: \(message) [SQLSTATE \(sqlState)]" }
}
