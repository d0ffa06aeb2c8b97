import Foundation
import HazardCore
@testable import HazardLedger
import Testing

/// A ledger store a parameterised test runs on.
enum StoreKind: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The test cluster's URL (`Tests/Support/postgres-cluster.sh`), nil when none was started.
    static var postgresURL: String? { ProcessInfo.processInfo.environment["HAZARD_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 } }

    static var available: [StoreKind] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    /// A location in a schema no other test uses, so tests run in parallel on one cluster.
    static func freshPostgres() throws -> PostgresLocation {
        guard let url = postgresURL else { throw LedgerError(.invalidInput, "HAZARD_TEST_POSTGRES is not set") }
        var location = try PostgresLocation(parsing: url, password: ProcessInfo.processInfo.environment["PGPASSWORD"])
        location.schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return location
    }

    func makeLedger(clock: any LedgerClock) async throws -> Ledger {
        switch self {
        case .sqlite: return try Ledger.inMemory(clock: clock)
        case .postgres: return try await Ledger.open(.postgres(StoreKind.freshPostgres()), clock: clock)
        }
    }
}

extension Ledger {
    /// Runs SQL straight on the store, behind the ledger's back (tampering tests).
    func executeBehindTheLedger(_ sql: String) async throws {
        if let postgres = store as? PostgresLedgerStore {
            try await postgres.transaction { c in try await PostgresLedgerStore.execute(c, SQLQuery(sql: sql, arguments: [])) }
        } else {
            try await database.write { db in try db.execute(sql: sql) }
        }
    }
}
