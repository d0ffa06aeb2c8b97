import Foundation
import GRDB
import HazardCore
import HazardCoreJSON
@testable import HazardLedger
import Testing

@Suite("Ledger on SQLite")
struct LedgerTests {
    @Test("recording an inspection makes one hazard per major or general finding", arguments: LedgerFixture.stores)
    func record(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        let recorded = try await f.record(major: 2, general: 3)
        #expect(recorded.hazards.count == 5)
        let open = try await f.ledger.hazards(HazardFilter())
        #expect(open.count == 5)
        #expect(open.filter { $0.grade == .major }.count == 2)
        let first = try #require(open.first)
        #expect(first.source == .department && first.region == "320581" && first.sector == "hazardous-chemicals")
        #expect(first.evidence.contains("安全距离(item_1_distance) = 11 m"))
        let detail = try await f.ledger.detail(first.id)
        #expect(detail.events.map(\.kind) == ["inspection.recorded", "reported"])
        #expect(detail.events[0].payload.contains("\"signed_by\":\"张三\""))
        let json = try await f.ledger.evaluationJSON(of: recorded.inspection)
        #expect(json.contains("\"criterion\":\"S-1\""))
    }

    @Test("the stored evaluation decodes back to the same value")
    func evaluationRoundTrip() throws {
        let evaluation = try SampleEvaluation.make(date: LedgerFixture.day, major: 2, general: 3, compliant: 4)
        let json = CanonicalJSON.text(evaluation.jsonValue)
        #expect(try JSONDecoder().decode(Evaluation.self, from: Data(json.utf8)) == evaluation)
    }

    @Test("an unknown enterprise is refused", arguments: LedgerFixture.stores)
    func unknownEnterprise(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        var input = f.input()
        input.enterprise = try USCC.completing("91110000600037341")
        let evaluation = try SampleEvaluation.make(date: LedgerFixture.day, major: 1, general: 0)
        let error = await #expect(throws: LedgerError.self) { try await f.ledger.record(input, evaluation: evaluation, by: f.inspector) }
        #expect(error?.code == .unknownEnterprise)
    }

    @Test("the full lifecycle is stored as events and projected onto the hazard", arguments: LedgerFixture.stores)
    func lifecycle(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        let id = try #require(try await f.record(major: 1, general: 0).hazards.first)
        try await f.ledger.supervise(id, authority: "昆山市安委会", deadline: Day(year: 2026, month: 8, day: 1), by: f.inspector, on: LedgerFixture.day)
        try await f.ledger.plan(f.completePlan, for: id, by: f.owner, on: LedgerFixture.day)
        try await f.ledger.rectify(id, by: f.owner, on: Day(year: 2026, month: 7, day: 1)!)
        try await f.ledger.reject(id, reason: "未完全整改", by: f.inspector, on: Day(year: 2026, month: 7, day: 2)!)
        try await f.ledger.rectify(id, by: f.owner, on: Day(year: 2026, month: 7, day: 5)!)
        let closed = try await f.ledger.verify(id, by: f.inspector, on: Day(year: 2026, month: 7, day: 6)!)
        try await f.ledger.unsupervise(id, by: f.inspector, on: Day(year: 2026, month: 7, day: 7)!)
        #expect(closed.status == .closed && closed.state.verifiedBy == "张三")
        let hazard = try await f.ledger.hazard(id)
        #expect(hazard.state.supervision == nil && hazard.state.firstSupervisedOn == LedgerFixture.day && hazard.state.rejections == 1)
        #expect(hazard.owner == "王五" && hazard.deadline == Day(year: 2026, month: 7, day: 10))
        let kinds = try await f.ledger.detail(id).events.map(\.kind)
        #expect(kinds == ["inspection.recorded", "reported", "supervised", "planned", "rectified", "rejected", "rectified", "verified", "unsupervised"])
        #expect(try await f.ledger.hazards(HazardFilter()).isEmpty)
        #expect(try await f.ledger.verifyChain().isIntact)
    }

    @Test("an illegal transition is refused and changes nothing", arguments: [
        LifecycleChange.verified(note: nil), .planned(RectificationPlan(responsible: "王五")), .rectified(note: nil),
    ])
    func illegal(change: LifecycleChange) async throws {
        let f = try await LedgerFixture()
        let id = try #require(try await f.record(major: 1, general: 0).hazards.first)
        let before = try await f.ledger.detail(id)
        await #expect(throws: IllegalTransition.self) { try await f.ledger.apply(change, to: id, by: f.owner, on: LedgerFixture.day) }
        let after = try await f.ledger.detail(id)
        #expect(after == before)
    }

    @Test("verifying one's own rectification is refused in the ledger too", arguments: LedgerFixture.stores)
    func selfVerification(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        let id = try #require(try await f.record(major: 0, general: 1).hazards.first)
        try await f.ledger.rectify(id, note: "立查立改", by: f.owner, on: LedgerFixture.day)
        let error = await #expect(throws: IllegalTransition.self) { try await f.ledger.verify(id, by: f.owner, on: LedgerFixture.day) }
        #expect(error?.code == .selfVerification)
        #expect(try await f.ledger.hazard(id).status == .rectified)
    }

    @Test("an unknown hazard is reported as such", arguments: LedgerFixture.stores)
    func unknownHazard(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        let error = await #expect(throws: LedgerError.self) { try await f.ledger.rectify(HazardID(42), by: f.owner, on: LedgerFixture.day) }
        #expect(error?.code == .unknownHazard)
    }

    @Test("verify-chain catches a row edited behind the ledger's back, naming the event")
    func tamper() async throws {
        let f = try await LedgerFixture()
        try await f.record(major: 1, general: 2)
        try await f.record(major: 0, general: 1)
        #expect(try await f.ledger.verifyChain().isIntact)
        // The triggers refuse updates through SQL…
        await #expect(throws: DatabaseError.self) {
            try await f.ledger.database.write { db in try db.execute(sql: "UPDATE event SET actor = 'x' WHERE seq = 3") }
        }
        // …so a tamperer drops them first.
        try await f.ledger.database.write { db in
            try db.execute(sql: "DROP TRIGGER event_no_update")
            try db.execute(sql: "UPDATE event SET payload = replace(payload, '\"grade\":\"general\"', '\"grade\":\"major\"') WHERE seq = 4")
        }
        let report = try await f.ledger.verifyChain()
        #expect(report.firstBadEvent == 4)
        #expect(report.events == 7)
        #expect(report.problems.map(\.kind) == [.eventAltered, .triggerMissing])   // the dropped trigger is reported too
    }

    @Test("verify-chain notices a deleted event")
    func deletion() async throws {
        let f = try await LedgerFixture()
        try await f.record(major: 1, general: 2)
        try await f.ledger.database.write { db in
            try db.execute(sql: "DROP TRIGGER event_no_delete")
            try db.execute(sql: "DELETE FROM event WHERE seq = 3")
        }
        #expect(try await f.ledger.verifyChain().firstBadEvent == 3)
    }

    @Test("verify-chain notices a hazard row edited behind the ledger's back", arguments: [
        "UPDATE hazard SET status = 'closed', is_open = 0 WHERE id = ?",
        "UPDATE hazard SET plan_funds = '0元' WHERE id = ?",
        "UPDATE hazard SET grade = 'general' WHERE id = ?",
    ])
    func rowTamper(sql: String) async throws {
        let f = try await LedgerFixture()
        let ids = try await f.record(major: 2, general: 1).hazards
        let id = try #require(ids.first)   // a major hazard
        try await f.ledger.plan(f.completePlan, for: id, by: f.owner, on: LedgerFixture.day)
        #expect(try await f.ledger.verifyChain().isIntact)
        // Rows are projections, not hashed: nothing stops an UPDATE, but the replay catches it.
        try await f.ledger.database.write { db in try db.execute(sql: sql, arguments: [id.rawValue]) }
        let report = try await f.ledger.verifyChain()
        #expect(report.firstBadEvent == nil)
        #expect(report.mismatchedHazard == id)
        #expect(!report.isIntact)
        #expect(report.message.contains("hazard \(id)"))
    }

    @Test("open hazards recorded with an older checklist version are listed for re-grading", arguments: LedgerFixture.stores)
    func regrade(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        try await f.record(major: 1, general: 1, version: "1.0.0")
        try await f.record(major: 0, general: 1, version: "1.1.0")
        let old = try await f.ledger.hazardsToRegrade(checklist: "sample-2026", currentVersion: "1.1.0")
        #expect(old.count == 2 && old.allSatisfy { $0.checklistVersion == "1.0.0" })
    }

    @Test("the open-hazard list filters by grade, region, overdue, and orders by deadline", arguments: LedgerFixture.stores)
    func openList(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        let ids = try await f.record(major: 2, general: 1).hazards
        try await f.ledger.plan(f.completePlan, for: ids[1], by: f.owner, on: LedgerFixture.day)
        let listed = try await f.ledger.hazards(HazardFilter())
        #expect(listed.first?.id == ids[1])
        #expect(try await f.ledger.hazards(HazardFilter(grade: .general)).map(\.id) == [ids[2]])
        #expect(try await f.ledger.hazards(HazardFilter(region: "320500")).count == 3)
        #expect(try await f.ledger.hazards(HazardFilter(region: "310000")).isEmpty)
        #expect(try await f.ledger.hazards(HazardFilter(overdueAsOf: Day(year: 2026, month: 7, day: 11)!)).map(\.id) == [ids[1]])
        let error = await #expect(throws: LedgerError.self) { try await f.ledger.hazards(HazardFilter(region: "32")) }
        #expect(error?.code == .invalidRegion)
    }

    @Test("a database written by a newer schema fails to open with a clear message")
    func newerSchema() async throws {
        try await LedgerFixture.withTemporaryDirectory { dir in
            let path = dir + "/ledger.sqlite"
            let ledger = try Ledger.open(path: path, clock: FixedClock(Timestamp(rawValue: 0)))
            try await ledger.database.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
            let error = #expect(throws: LedgerError.self) { try Ledger.open(path: path, clock: FixedClock(Timestamp(rawValue: 0))) }
            #expect(error?.code == .newerSchema)
            #expect(error?.message.contains("v9-future") == true)
        }
    }

    @Test("a file ledger is in WAL mode with synchronous=NORMAL")
    func walMode() async throws {
        try await LedgerFixture.withTemporaryDirectory { dir in
            let ledger = try Ledger.open(path: dir + "/ledger.sqlite", clock: FixedClock(Timestamp(rawValue: 0)))
            let (mode, sync) = try await ledger.database.read { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(mode == "wal" && sync == 1)
        }
    }
}
