import HazardCore
@testable import HazardLedger
import Testing

/// verify-chain replays hazards from their stored payloads, so every kind of change must
/// read back exactly as it was written.
@Suite("Lifecycle payloads read back as written")
struct PayloadRoundTripTests {
    static let changes: [LifecycleChange] = [
        .reported(grade: .major),
        .reported(grade: .general),
        .planned(RectificationPlan(responsible: "王五", measures: "加装紧急切断阀", funds: "5万元", deadline: Day(year: 2026, month: 8, day: 1), contingency: "泄漏应急预案")),
        .planned(RectificationPlan(responsible: "王五", deadline: nil)),
        .rectified(note: "立查立改"),
        .rectified(note: nil),
        .verified(note: nil),
        .rejected(reason: "未完全整改, \"阀门\" 未投用"),
        .supervised(authority: "昆山市安委会", deadline: Day(year: 2026, month: 9, day: 30)),
        .supervised(authority: "市应急管理局", deadline: nil),
        .unsupervised(note: "摘牌"),
    ]

    @Test("each change survives payload and back", arguments: PayloadRoundTripTests.changes)
    func roundTrip(change: LifecycleChange) {
        #expect(LifecycleChange.decode(kind: change.kind, payload: Ledger.payload(change, by: Person(name: "王五", role: "clerk"))) == change)
    }

    @Test("the credential an actor came through survives the payload, beside the change", arguments: PayloadRoundTripTests.changes)
    func actingRoundTrip(change: LifecycleChange) {
        let actor = Person(name: "王五", role: "rpc inspector (desk)", principal: "desk", actsForSeveral: true)
        let payload = Ledger.payload(change, by: actor)
        #expect(LifecycleChange.decode(kind: change.kind, payload: payload) == change)
        #expect(Person.decode(name: actor.name, role: actor.role, payload: payload) == actor)
    }

    @Test("an unreadable payload or unknown kind gives nil, which verify-chain reports", arguments: [
        ("reported", "not json"), ("reported", "{\"grade\":\"severe\"}"), ("planned", "{\"deadline\":\"2026-02-30\"}"),
        ("exploded", "{}"), ("rejected", "{}"),
    ])
    func unreadable(kind: String, payload: String) {
        #expect(LifecycleChange.decode(kind: kind, payload: payload) == nil)
    }
}
