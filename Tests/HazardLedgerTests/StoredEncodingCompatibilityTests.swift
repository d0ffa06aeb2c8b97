import Foundation
import HazardCore
import HazardCoreJSON
import HazardJSON
@testable import HazardLedger
import Testing

/// The ledger stores each value in its one wire encoding with sorted keys. Rows written before
/// that (by `CanonicalJSON`/`EvaluationJSON`, commit 60033c9) are verified by the bytes that were
/// hashed, so the fixture written then must still verify, take new rows, and verify after.
@Suite("A ledger written before the one encoding")
struct StoredEncodingCompatibilityTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ledger-before-one-encoding.sqlite")
    static let head = ChainHead(seq: 24, hash: "422c439d9ce4f87d6d6577a7b5a038765fbec6f421f88da0fbbeeb3b9bd6b99a")
    static let today = Timestamp(day: Day(year: 2026, month: 12, day: 20)!, seconds: 3600)

    /// A copy of the fixture in a fresh folder (the test writes to it).
    static func withCopy<T>(_ body: (Ledger) async throws -> T) async throws -> T {
        try await LedgerFixture.withTemporaryDirectory { dir in
            let path = dir + "/ledger.sqlite"
            try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
            return try await body(Ledger.open(path: path, clock: FixedClock(today)))
        }
    }

    @Test("verifies intact, to the head it had when written")
    func verifies() async throws {
        try await Self.withCopy { ledger in
            let report = try await ledger.verifyChain(anchor: Self.head)
            #expect(report.problems == [])
            #expect(report.events == 24)
        }
    }

    @Test("each lifecycle payload, read back and written again, gives the bytes that were hashed")
    func payloadsUnchanged() async throws {
        try await Self.withCopy { ledger in
            var compared = 0
            for id in 1...8 {
                for event in try await ledger.detail(HazardID(Int64(id))).events where event.kind != "inspection.recorded" && event.kind != "reported" {
                    let change = try #require(LifecycleChange.decode(kind: event.kind, payload: event.payload), "event \(event.seq)")
                    #expect(Ledger.payload(change, by: event.actor) == event.payload, "event \(event.seq) \(event.kind)")
                    compared += 1
                }
            }
            #expect(compared == 10)   // #1: plan, supervise, rectify, reject, rectify, verify, unsupervise; #2: plan; #4: rectify, verify
        }
    }

    @Test("takes new inspections and lifecycle events, stored in the one encoding, and still verifies")
    func appends() async throws {
        try await Self.withCopy { ledger in
            let uscc = try USCC.completing("91320581MA1XXXXX0")
            let evaluation = try SampleEvaluation.make(date: Day(year: 2026, month: 12, day: 10)!, major: 1, general: 1, compliant: 1)
            let input = InspectionInput(enterprise: uscc, site: "储配站", kind: .department, inspectors: ["张三"],
                                        date: nil, sector: "gas", signedBy: "张三")
            let recorded = try await ledger.record(input, evaluation: evaluation, by: Person(name: "张三", role: "inspector"))
            let general = try #require(recorded.hazards.last)
            try await ledger.rectify(general, note: "立查立改 \"当场\"", by: Person(name: "王五", role: "safety-officer"), on: Day(year: 2026, month: 12, day: 11)!)
            let plan = RectificationPlan(responsible: "王五", measures: "迁出地下室", funds: "8万元", deadline: Day(year: 2027, month: 1, day: 31), contingency: "停用")
            try await ledger.plan(plan, for: HazardID(3), by: Person(name: "王五", role: "safety-officer"), on: Day(year: 2026, month: 12, day: 12)!)

            let stored = try await ledger.evaluationJSON(of: recorded.inspection)
            #expect(stored == JSONWriter.string(evaluation.jsonValue.sortingKeys))
            #expect(try JSONReader.read(stored) == evaluation.jsonValue.sortingKeys)

            let report = try await ledger.verifyChain()
            #expect(report.problems == [])
            #expect(report.events == 24 + 1 + 2 + 2)   // recorded, two reported, rectified, planned
        }
    }
}
