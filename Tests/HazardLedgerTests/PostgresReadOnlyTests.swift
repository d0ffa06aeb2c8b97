import Foundation
import HazardCore
@testable import HazardLedger
import Testing

/// A ledger on a database that takes no writes: a streaming hot standby of the test cluster
/// (`postgres-cluster.sh standby`, `HAZARD_TEST_POSTGRES_STANDBY`) and a role whose sessions are
/// read-only by default. Reads and `verify-chain` work; nothing is created or migrated; writes
/// fail with `LedgerError.readOnly`.
@Suite("PostgreSQL: a hot standby or read-only session opens the ledger read-only")
struct PostgresReadOnlyTests {
    static var standbyURL: String? { ProcessInfo.processInfo.environment["HAZARD_TEST_POSTGRES_STANDBY"].flatMap { $0.isEmpty ? nil : $0 } }
    static var required: Bool { ProcessInfo.processInfo.environment["HAZARD_REQUIRE_POSTGRES"] == "1" }
    static let clock = FixedClock(Timestamp(day: LedgerFixture.today, seconds: 3600))

    @Test("on a streaming standby: open, list, verify-chain (triggers included); writes refused with a clear error")
    func hotStandby() async throws {
        guard StoreKind.postgresURL != nil, let standbyURL = Self.standbyURL else {
            #expect(!Self.required, "no HAZARD_TEST_POSTGRES_STANDBY: start one with `eval \"$(Tests/Support/postgres-cluster.sh standby \"$HAZARD_PG_DIR\")\"` (make test does)")
            return
        }
        let primaryLocation = try StoreKind.freshPostgres()
        // The test promotes the standby at its end, so it runs once per `postgres-cluster.sh standby`.
        var standbyLocation = try PostgresLocation(parsing: standbyURL, password: ProcessInfo.processInfo.environment["PGPASSWORD"])
        standbyLocation.schema = primaryLocation.schema
        let primary = try await Ledger.open(.postgres(primaryLocation), clock: Self.clock)
        let f = try await LedgerFixture(ledger: primary)
        let recorded = try await f.record(major: 1, general: 2)
        _ = try await primary.rectify(recorded.hazards[1], note: "已整改", by: f.owner, on: LedgerFixture.day)

        let standby = try await Self.openReplayed(standbyLocation, upTo: try await primary.head())
        #expect((try await standby.hazards(HazardFilter(openOnly: false))) == (try await primary.hazards(HazardFilter(openOnly: false))))
        #expect(try await standby.hazard(recorded.hazards[1]).status == .rectified)
        let report = try await standby.verifyChain()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.events == 1 + 1 + 3 + 1)

        let refused = await #expect(throws: LedgerError.self) {
            try await standby.rectify(recorded.hazards[2], note: "x", by: f.owner, on: LedgerFixture.day)
        }
        #expect(refused?.code == .readOnly)
        #expect(refused?.message == "the ledger at \(standbyLocation) is read-only (a hot standby): writes go to the primary")
        let registering = await #expect(throws: LedgerError.self) {
            try await standby.register(Enterprise(uscc: f.uscc, name: "改名", region: "320581", sectors: ["hazardous-chemicals"], sites: []), by: f.clerk)
        }
        #expect(registering?.code == .readOnly)
        // A write that reaches the server anyway is the same error, not PostgreSQL's.
        let raw = await #expect(throws: LedgerError.self) { try await standby.executeBehindTheLedger("INSERT INTO ledger_migrations (identifier) VALUES ('x')") }
        #expect(raw?.code == .readOnly)
        #expect(try await primary.hazard(recorded.hazards[2]).status == .reported, "nothing was written")

        // verify-chain on the standby reads the triggers from the standby's own catalog.
        try await primary.executeBehindTheLedger("DROP TRIGGER event_no_truncate ON event")
        try await f.record(major: 0, general: 1)
        await standby.close()
        let replayed = try await Self.openReplayed(standbyLocation, upTo: try await primary.head())
        let tampered = try await replayed.verifyChain()
        #expect(tampered.problems.map(\.kind) == [.triggerMissing], "\(tampered.problems)")

        // Failover: once promoted, the ledger opened on the standby writes, without reopening.
        let hazard = recorded.hazards[2]
        #expect(try await Self.count(replayed, "SELECT count(*) FROM pg_promote(true, 60) AS promoted WHERE promoted") == 1)
        #expect(try await replayed.rectify(hazard, note: "已整改", by: f.owner, on: LedgerFixture.day).status == .rectified)
        await replayed.close()
        await primary.close()
    }

    @Test("a role with default_transaction_read_only: reads and verify-chain work, writes are refused, nothing is created")
    func readOnlySession() async throws {
        guard StoreKind.postgresURL != nil else { return }
        let location = try StoreKind.freshPostgres()
        let primary = try await Ledger.open(.postgres(location), clock: Self.clock)
        let f = try await LedgerFixture(ledger: primary)
        let recorded = try await f.record(major: 1, general: 1)
        let role = "ro_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let schema = location.schema ?? "public"
        try await primary.executeBehindTheLedger("CREATE ROLE \(role) LOGIN")
        try await primary.executeBehindTheLedger("GRANT USAGE ON SCHEMA \(schema) TO \(role)")
        try await primary.executeBehindTheLedger("GRANT SELECT ON ALL TABLES IN SCHEMA \(schema) TO \(role)")
        try await primary.executeBehindTheLedger("ALTER ROLE \(role) SET default_transaction_read_only = on")
        var readOnly = location
        readOnly.user = role

        let reader = try await Ledger.open(.postgres(readOnly), clock: Self.clock)
        #expect((try await reader.hazards(HazardFilter())) == (try await primary.hazards(HazardFilter())))
        let report = try await reader.verifyChain()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.events == 1 + 1 + 2)
        #expect(try await reader.head() == (try await primary.head()))
        let refused = await #expect(throws: LedgerError.self) {
            try await reader.rectify(recorded.hazards[1], note: "x", by: f.owner, on: LedgerFixture.day)
        }
        #expect(refused?.code == .readOnly)
        #expect(refused?.message.hasPrefix("the ledger at \(readOnly) is read-only (the session is read-only: default_transaction_read_only is on") == true)
        await reader.close()

        // A schema behind this build cannot be migrated here: the error names what is missing.
        try await primary.executeBehindTheLedger("DELETE FROM ledger_migrations WHERE identifier = 'v2-four-eyes-and-days'")
        let behind = await #expect(throws: LedgerError.self) { try await Ledger.open(.postgres(readOnly), clock: Self.clock) }
        #expect(behind?.code == .readOnly)
        #expect(behind?.message.contains("lacks schema migrations v2-four-eyes-and-days this build needs") == true, "\(behind?.message ?? "")")
        // One from a newer build is refused as on a writable database.
        try await primary.executeBehindTheLedger("INSERT INTO ledger_migrations (identifier) VALUES ('v2-four-eyes-and-days'), ('v9-from-the-future')")
        let newer = await #expect(throws: LedgerError.self) { try await Ledger.open(.postgres(readOnly), clock: Self.clock) }
        #expect(newer?.code == .newerSchema)
        #expect(newer?.message.contains("v9-from-the-future") == true)

        // No ledger at all: said so, and no schema or table is created.
        var empty = readOnly
        empty.schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let missing = await #expect(throws: LedgerError.self) { try await Ledger.open(.postgres(empty), clock: Self.clock) }
        #expect(missing?.code == .readOnly)
        #expect(missing?.message.hasPrefix("no ledger at \(empty): the database has no ledger_migrations table") == true, "\(missing?.message ?? "")")
        let created = try await Self.count(primary, "SELECT count(*) FROM pg_namespace WHERE nspname = '\(empty.schema ?? "")'")
        #expect(created == 0)

        try await primary.executeBehindTheLedger("DELETE FROM ledger_migrations WHERE identifier = 'v9-from-the-future'")
        try await primary.executeBehindTheLedger("DROP OWNED BY \(role)")
        try await primary.executeBehindTheLedger("DROP ROLE \(role)")
        await primary.close()
    }

    /// Opens the standby ledger once the standby has replayed the primary up to `head`
    /// (replication is asynchronous: the schema and events arrive a moment after the commit).
    static func openReplayed(_ location: PostgresLocation, upTo head: ChainHead?) async throws -> Ledger {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            do {
                let ledger = try await Ledger.open(.postgres(location), clock: clock)
                while try await ledger.head() != head {
                    guard ContinuousClock.now < deadline else {
                        await ledger.close()
                        throw LedgerError(.busy, "the standby did not replay the primary's head \(head?.description ?? "none") within 30 s")
                    }
                    try await Task.sleep(for: .milliseconds(50))
                }
                return ledger
            } catch let error as LedgerError where error.code == .readOnly && ContinuousClock.now < deadline {
                // The schema has not reached the standby yet.
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    static func count(_ ledger: Ledger, _ sql: String) async throws -> Int64 {
        guard let store = ledger.store as? PostgresLedgerStore else { throw LedgerError(.invalidInput, "not a PostgreSQL ledger") }
        return try await store.read { c in try await PostgresLedgerStore.fetch(c, SQLQuery(sql: sql, arguments: [])).first?.integer(at: 0) ?? -1 }
    }
}
