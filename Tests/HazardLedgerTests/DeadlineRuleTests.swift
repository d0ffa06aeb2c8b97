import HazardCore
import HazardLedger
import Testing

@Suite("A deadline before the hazard was found is refused (整改时限不得早于发现日期)")
struct DeadlineRuleTests {
    let found = Day(year: 2026, month: 6, day: 10)!
    let owner = Person(name: "王五", role: "safety officer")

    func plan(deadline: Day?) -> RectificationPlan {
        RectificationPlan(responsible: "王五", measures: "更换防爆电气", funds: "5万元", deadline: deadline, contingency: "停用并警戒")
    }

    @Test("a plan whose deadline is before the found day is refused, naming both days", arguments: [Grade.major, .general])
    func planBeforeFound(grade: Grade) {
        let state = HazardState(grade: grade, foundOn: found)
        let deadline = Day(year: 2026, month: 6, day: 9)!
        let error = #expect(throws: IllegalTransition.self) {
            try state.admitting(HazardEvent(.planned(plan(deadline: deadline)), by: owner, on: found))
        }
        #expect(error?.code == .deadlineBeforeFound)
        #expect(error?.message.contains("2026-06-09") == true && error?.message.contains("2026-06-10") == true)
    }

    @Test("a deadline on the found day itself is accepted (立查立改 the same day)")
    func planOnFoundDay() throws {
        let state = try HazardState(grade: .major, foundOn: found).admitting(HazardEvent(.planned(plan(deadline: found)), by: owner, on: found))
        #expect(state.status == .rectifying && state.deadline == found)
    }

    @Test("a plan written before this rule existed still replays, so verify-chain does not call it tampering")
    func oldPlanStillReplays() throws {
        let events = [HazardEvent(.reported(grade: .major), by: owner, on: found),
                      HazardEvent(.planned(plan(deadline: Day(year: 2026, month: 6, day: 1))), by: owner, on: found)]
        let state = try HazardState.replaying(events)
        #expect(state.status == HazardStatus.rectifying)
    }

    @Test("a supervision deadline before the found day is refused too")
    func supervisionBeforeFound() {
        let state = HazardState(grade: .major, foundOn: found)
        let error = #expect(throws: IllegalTransition.self) {
            try state.admitting(HazardEvent(.supervised(authority: "市安委会", deadline: Day(year: 2025, month: 6, day: 30)), by: owner, on: found))
        }
        #expect(error?.code == .deadlineBeforeFound)
        #expect(error?.message.contains("2025-06-30") == true && error?.message.contains("2026-06-10") == true)
    }

    @Test("the ledger refuses such a plan and writes nothing")
    func ledgerWritesNothing() async throws {
        let f = try await LedgerFixture()
        let recorded = try await f.record(major: 1, general: 0)
        let id = try #require(recorded.hazards.first)
        let before = try await f.ledger.detail(id)
        let error = await #expect(throws: IllegalTransition.self) {
            try await f.ledger.plan(plan(deadline: Day(year: 2026, month: 5, day: 1)), for: id, by: f.owner, on: LedgerFixture.day)
        }
        #expect(error?.code == .deadlineBeforeFound)
        let after = try await f.ledger.detail(id)
        #expect(after == before)
        #expect(try await f.ledger.verifyChain().isIntact)
    }
}
