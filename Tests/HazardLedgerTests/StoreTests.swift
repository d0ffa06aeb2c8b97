import Foundation
import HazardCore
@testable import HazardLedger
import Testing

@Suite("Ledger stores: the same guarantees on SQLite and PostgreSQL")
struct StoreTests {
    @Test("make test requires the PostgreSQL half of the suite (HAZARD_REQUIRE_POSTGRES)")
    func postgresPresentWhenRequired() {
        if ProcessInfo.processInfo.environment["HAZARD_REQUIRE_POSTGRES"] == "1" {
            #expect(StoreKind.postgresURL != nil, "make test started no PostgreSQL cluster: the PostgreSQL store is untested")
        }
    }

    @Test("events are append-only in the database itself: UPDATE and DELETE are refused", arguments: LedgerFixture.stores)
    func appendOnly(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        try await f.record(major: 1, general: 0)
        await #expect(throws: (any Error).self) { try await f.ledger.executeBehindTheLedger("UPDATE event SET actor = 'x' WHERE seq = 1") }
        await #expect(throws: (any Error).self) { try await f.ledger.executeBehindTheLedger("DELETE FROM event WHERE seq = 2") }
        let report = try await f.ledger.verifyChain()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.events == 3)
    }

    @Test("a dropped append-only trigger is reported by verify-chain", arguments: LedgerFixture.stores)
    func droppedTrigger(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        try await f.record(major: 1, general: 0)
        let trigger = store == .sqlite ? "event_no_delete" : "event_append_only"
        try await f.ledger.executeBehindTheLedger(store == .sqlite ? "DROP TRIGGER \(trigger)" : "DROP TRIGGER \(trigger) ON event")
        let report = try await f.ledger.verifyChain()
        #expect(report.problems.map(\.kind) == [.triggerMissing])
        #expect(report.problems.first?.column == trigger)
    }

    @Test("a database written by a newer version is refused on PostgreSQL")
    func newerSchemaPostgres() async throws {
        guard StoreKind.postgresURL != nil else { return }
        let location = try StoreKind.freshPostgres()
        let ledger = try await Ledger.open(.postgres(location), clock: FixedClock(Timestamp(rawValue: 0)))
        try await ledger.executeBehindTheLedger("INSERT INTO ledger_migrations (identifier) VALUES ('v9-future')")
        await ledger.close()
        let error = await #expect(throws: LedgerError.self) { try await Ledger.open(.postgres(location), clock: FixedClock(Timestamp(rawValue: 0))) }
        #expect(error?.code == .newerSchema)
        #expect(error?.message.contains("v9-future") == true)
    }

    @Test("migrations are named and ordered the same on both stores")
    func migrationNames() {
        #expect(PostgresSchema.migrations.map(\.name) == LedgerSchema.migrator.migrations)
    }

    @Test("a scoped list is filtered in the query: full pages, nested regions once, sectors before LIMIT", arguments: LedgerFixture.stores)
    func scopeInQuery(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)   // its enterprise is in 320581 (Changshu, Suzhou)
        let nanjing = try USCC.completing("91320102MA1YYYYY0")
        try await f.ledger.register(Enterprise(uscc: nanjing, name: "南京某厂", region: "320102", sectors: ["hazardous-chemicals"]), by: f.clerk)
        for _ in 0..<3 { try await f.record(major: 0, general: 2) }
        for _ in 0..<3 {
            var input = f.input()
            input.enterprise = nanjing
            try await f.ledger.record(input, evaluation: try SampleEvaluation.make(version: "1.0.0", date: LedgerFixture.day, major: 0, general: 2, compliant: 0), by: f.inspector)
        }
        // Other-sector hazards that sort first: a filter applied after LIMIT would return a short page.
        for _ in 0..<3 { try await f.record(major: 0, general: 2, sector: "fire") }
        var filter = HazardFilter(openOnly: false, limit: 5)
        filter.scopeRegions = [try RegionCode("320000"), try RegionCode("320500"), try RegionCode("320581")]
        filter.scopeSectors = ["hazardous-chemicals"]
        let page = try await f.ledger.hazards(filter)
        #expect(page.count == 5, "a page of 5 hazards in scope, not fewer")
        #expect(Set(page.map(\.id)).count == page.count, "nested regions name each hazard once")
        #expect(page.allSatisfy { $0.sector == "hazardous-chemicals" })
        filter.limit = 100
        let all = try await f.ledger.hazards(filter)
        #expect(all.count == 12)
        #expect(Set(all.map(\.id)).count == 12)
        filter.scopeRegions = [try RegionCode("320500")]
        #expect(try await f.ledger.hazards(filter).count == 6)
        filter.scopeRegions = [try RegionCode("330000")]
        #expect(try await f.ledger.hazards(filter).isEmpty)
    }

    @Test("nested region codes are reduced to the outermost")
    func outermost() throws {
        let codes = try ["320581", "320000", "320500", "330100"].map(RegionCode.init)
        #expect(RegionCode.outermost(codes).map(\.rawValue) == ["320000", "330100"])
    }

    @Test("a ledger copied SQLite → PostgreSQL → SQLite keeps its chain: verify-chain passes on each side, same head")
    func copyBothWays() async throws {
        guard StoreKind.postgresURL != nil else { return }
        let f = try await LedgerFixture(.sqlite)
        let recorded = try await f.record(major: 2, general: 1)
        try await f.ledger.plan(f.completePlan, for: recorded.hazards[0], by: f.owner, on: LedgerFixture.day)
        try await f.ledger.recordEnforcement(EnforcementRecord(enterprise: f.uscc, action: .penalty, day: LedgerFixture.day, amount: 20000), by: f.inspector)
        let clock = FixedClock(Timestamp(day: LedgerFixture.today, seconds: 3600))
        let postgres = try await Ledger.open(.postgres(StoreKind.freshPostgres()), clock: clock)
        try await f.ledger.copy(to: postgres)
        let back = try Ledger.inMemory(clock: clock)
        try await postgres.copy(to: back)
        for ledger in [f.ledger, postgres, back] {
            let report = try await ledger.verifyChain()
            #expect(report.problems.isEmpty, "\(ledger.location): \(report.problems)")
            #expect(report.events == 7)
        }
        let head = try await f.ledger.head()
        #expect(try await postgres.head() == head)
        #expect(try await back.head() == head)
        #expect(try await postgres.hazard(recorded.hazards[0]) == (try await f.ledger.hazard(recorded.hazards[0])))
        // The copy goes on where the original stopped.
        try await postgres.rectify(recorded.hazards[0], by: f.owner, on: LedgerFixture.day)
        #expect(try await postgres.verifyChain().problems.isEmpty)
        await #expect(throws: LedgerError.self) { try await f.ledger.copy(to: postgres) }
        await postgres.close()
    }
}
