import Foundation
import HazardCore
import HazardDocuments
import HazardLedger

/// An in-memory ledger with one inspection of 2 major and 3 general hazards, recorded for an
/// enterprise whose name is hostile markup; the first hazard planned, rectified and verified,
/// the second rejected once.
struct DocumentFixture {
    static let hostileName = "<script>alert(\"x\")</script> & 'Co' 安达\u{1}燃气"
    /// What the name must read as once parsed: the control character XML forbids becomes U+FFFD.
    static let hostileNameAsPrinted = "<script>alert(\"x\")</script> & 'Co' 安达\u{FFFD}燃气"
    static let day = Day(year: 2026, month: 6, day: 10)!
    static let today = Day(year: 2026, month: 12, day: 31)!

    let ledger: Ledger
    let recorded: RecordedInspection
    let evaluation: Evaluation
    let inspector = Person(name: "张三", role: "inspector")
    let owner = Person(name: "王五", role: "safety officer")
    let reviewer = Person(name: "赵六", role: "inspector")

    init(kind: InspectionKind = .department, review: Bool = true) async throws {
        ledger = try Ledger.inMemory(clock: FixedClock(Timestamp(day: Self.today, seconds: 3600)))
        let uscc = try USCC.completing("91320581MA1XXXXX0")
        try await ledger.register(Enterprise(uscc: uscc, name: Self.hostileName, region: "320581", sectors: ["gas"], sites: ["储配站"]), by: inspector)
        evaluation = try SampleEvaluation.make(date: Self.day, major: 2, general: 3, compliant: 2)
        let input = InspectionInput(enterprise: uscc, site: "储配站", kind: kind, inspectors: ["张三", "赵六"], date: Self.day,
                                    sector: "gas", signedBy: "张三")
        recorded = try await ledger.record(input, evaluation: evaluation, by: inspector)
        guard review else { return }
        let first = recorded.hazards[0], second = recorded.hazards[1]
        let plan = RectificationPlan(responsible: "王五", measures: "接入高限报警 & 联锁", funds: "5万元",
                                     deadline: Day(year: 2026, month: 7, day: 10), contingency: "停用并警戒")
        for id in [first, second] { _ = try await ledger.plan(plan, for: id, by: owner, on: Day(year: 2026, month: 6, day: 12)!) }
        for id in [first, second] { _ = try await ledger.rectify(id, note: "已整改 <见照片>", by: owner, on: Day(year: 2026, month: 7, day: 1)!) }
        _ = try await ledger.verify(first, note: "现场复核合格", by: reviewer, on: Day(year: 2026, month: 7, day: 5)!)
        _ = try await ledger.reject(second, reason: "联锁未投用", by: reviewer, on: Day(year: 2026, month: 7, day: 5)!)
    }

    func html(_ kind: DocumentKind) async throws -> String {
        try await LedgerDocuments.html(kind, inspection: recorded.inspection, in: ledger)
    }
}
