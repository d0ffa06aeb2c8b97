import HazardCore
@testable import HazardLedger
import Testing

@Suite("Dispatch report (调度表)")
struct DispatchReportTests {
    func figure(_ report: DispatchReport, _ item: String) -> DispatchReport.Figure? {
        (report.overall + report.additional + report.enforcement).first { $0.item == item }?.figure
    }

    @Test("group 1 counts major hazards by source, supervision and rectification, cumulative and in period", arguments: LedgerFixture.stores)
    func groupOne(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        let may = Day(year: 2026, month: 5, day: 20)!
        let june = LedgerFixture.day
        let old = try await f.record(.selfInspection, major: 1, general: 1, date: may).hazards
        try await f.record(.selfInspection, major: 2, general: 0, date: june)
        let dept = try await f.record(.department, major: 1, general: 2, date: june).hazards
        // Rectify the May major in June, the May general on the spot in May.
        try await f.ledger.plan(f.completePlan, for: old[0], by: f.owner, on: may)
        try await f.ledger.rectify(old[0], by: f.owner, on: june)
        try await f.ledger.rectify(old[1], by: f.owner, on: may)
        try await f.ledger.verify(old[1], by: f.inspector, on: may)
        try await f.ledger.supervise(dept[0], authority: "市安委会", deadline: nil, by: f.inspector, on: june)
        try await f.ledger.recordEnforcement(EnforcementRecord(enterprise: f.uscc, action: .penalty, day: june, amount: 3.5), by: f.inspector)
        try await f.ledger.recordEnforcement(EnforcementRecord(enterprise: f.uscc, action: .spotCheck, day: june), by: f.inspector)
        try await f.ledger.recordEnforcement(EnforcementRecord(enterprise: f.uscc, action: .spotCheck, day: june), by: f.inspector)

        let report = try await f.ledger.dispatchReport(DispatchQuery(from: Day(year: 2026, month: 5, day: 25)!, to: Day(year: 2026, month: 6, day: 24)!))
        #expect(figure(report, "1.1") == .init(cumulative: 3, inPeriod: 2))
        #expect(figure(report, "1.2") == .init(cumulative: 1, inPeriod: 1))
        #expect(figure(report, "1.3") == .init(cumulative: 1, inPeriod: 1))
        #expect(figure(report, "1.4") == .init(cumulative: 0, inPeriod: 0))
        #expect(figure(report, "1.5") == .init(cumulative: 1, inPeriod: 1))
        #expect(figure(report, "A.3") == .init(cumulative: 3, inPeriod: 2))
        #expect(figure(report, "A.4") == .init(cumulative: 1, inPeriod: 0))
        #expect(figure(report, "A.7") == .init(cumulative: 1, inPeriod: 0))
        #expect(figure(report, "2.1") == .init(cumulative: 1, inPeriod: 1))
        #expect(report.enforcement.first { $0.item == "3.3" }?.amount == 3.5)
        #expect(report.majorRectificationRate == 0.25)
        #expect(report.bySector.map(\.key) == ["hazardous-chemicals"])
        #expect(report.byRegion.first?.major == 4)

        // Scoped to another region: nothing.
        let elsewhere = try await f.ledger.dispatchReport(DispatchQuery(from: june, to: june, region: "310000"))
        #expect(figure(elsewhere, "1.1") == .init())
        // Before the rectification day, the May major was not yet rectified.
        let may24 = try await f.ledger.dispatchReport(DispatchQuery(from: may, to: Day(year: 2026, month: 5, day: 24)!))
        #expect(figure(may24, "1.2") == .init())
    }

    @Test("overdue hazards are counted as of the end of the period", arguments: LedgerFixture.stores)
    func overdue(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        let ids = try await f.record(major: 1, general: 0).hazards
        try await f.ledger.plan(f.completePlan, for: ids[0], by: f.owner, on: LedgerFixture.day)
        let before = try await f.ledger.dispatchReport(DispatchQuery(from: LedgerFixture.day, to: Day(year: 2026, month: 7, day: 10)!))
        let after = try await f.ledger.dispatchReport(DispatchQuery(from: LedgerFixture.day, to: Day(year: 2026, month: 7, day: 11)!))
        #expect(figure(before, "A.8")?.cumulative == 0)
        #expect(figure(after, "A.8")?.cumulative == 1)
    }

    @Test("a period that ends before it starts is refused", arguments: LedgerFixture.stores)
    func emptyPeriod(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        let error = await #expect(throws: LedgerError.self) {
            try await f.ledger.dispatchReport(DispatchQuery(from: LedgerFixture.day, to: Day(year: 2026, month: 1, day: 1)!))
        }
        #expect(error?.code == .invalidInput)
    }
}
