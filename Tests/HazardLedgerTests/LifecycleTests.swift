import HazardCore
import HazardLedger
import Testing

@Suite("Hazard lifecycle state machine (no database)")
struct LifecycleTests {
    let day = Day(year: 2026, month: 6, day: 1)!
    let owner = Person(name: "王五", role: "safety officer")
    let inspector = Person(name: "张三", role: "inspector")
    let complete = RectificationPlan(responsible: "王五", measures: "更换防爆电气", funds: "5万元",
                                     deadline: Day(year: 2026, month: 7, day: 1), contingency: "停用该区域并设警戒")

    func event(_ change: LifecycleChange, by person: Person? = nil) -> HazardEvent {
        HazardEvent(change, by: person ?? owner, on: day)
    }

    @Test("a major hazard goes reported → rectifying → rectified → closed")
    func majorHappyPath() throws {
        var state = HazardState(grade: .major, foundOn: day)
        state = try state.applying(event(.planned(complete)))
        #expect(state.status == .rectifying)
        state = try state.applying(event(.rectified(note: nil)))
        #expect(state.status == .rectified && state.rectifiedBy == "王五")
        state = try state.applying(event(.verified(note: nil), by: inspector))
        #expect(state.status == .closed && state.verifiedBy == "张三" && state.closedOn == day)
    }

    @Test("a major hazard cannot enter rectifying without each part of 五落实", arguments: [
        \RectificationPlan.responsible, \.measures, \.funds, \.contingency,
    ] as [WritableKeyPath<RectificationPlan, String?> & Sendable])
    func incompletePlan(missing: WritableKeyPath<RectificationPlan, String?> & Sendable) {
        var plan = complete
        plan[keyPath: missing] = nil
        let state = HazardState(grade: .major, foundOn: day)
        let error = #expect(throws: IllegalTransition.self) { try state.applying(event(.planned(plan))) }
        #expect(error?.code == .incompletePlan)
    }

    @Test("a major hazard's plan needs a deadline")
    func planWithoutDeadline() {
        var plan = complete
        plan.deadline = nil
        let error = #expect(throws: IllegalTransition.self) { try HazardState(grade: .major, foundOn: day).applying(event(.planned(plan))) }
        #expect(error?.code == .incompletePlan)
        #expect(error?.message.contains("整改时限") == true)
    }

    @Test("a general hazard may be rectified on the spot (立查立改)")
    func onTheSpot() throws {
        let state = try HazardState(grade: .general, foundOn: day).applying(event(.rectified(note: "当场整改")))
        #expect(state.status == .rectified && state.rectifiedOnTheSpot)
    }

    @Test("a major hazard cannot be rectified without a plan")
    func majorNotOnTheSpot() {
        let error = #expect(throws: IllegalTransition.self) { try HazardState(grade: .major, foundOn: day).applying(event(.rectified(note: nil))) }
        #expect(error?.code == .majorNeedsPlan)
    }

    @Test("closing an unrectified hazard is refused", arguments: [HazardStatus.reported, .rectifying])
    func closeUnrectified(status: HazardStatus) {
        var state = HazardState(grade: .general, foundOn: day)
        state.status = status
        let error = #expect(throws: IllegalTransition.self) { try state.applying(event(.verified(note: nil), by: inspector)) }
        #expect(error?.code == .notRectified)
    }

    @Test("the rectifier cannot verify their own rectification", arguments: [true, false])
    func selfVerification(passes: Bool) throws {
        let state = try HazardState(grade: .general, foundOn: day).applying(event(.rectified(note: nil)))
        let change: LifecycleChange = passes ? .verified(note: nil) : .rejected(reason: "未整改到位")
        let error = #expect(throws: IllegalTransition.self) { try state.applying(event(change)) }
        #expect(error?.code == .selfVerification)
    }

    @Test("failed verification sends the hazard back to rectifying")
    func rejection() throws {
        var state = try HazardState(grade: .major, foundOn: day).applying(event(.planned(complete)))
        state = try state.applying(event(.rectified(note: nil)))
        state = try state.applying(event(.rejected(reason: "仍有裸露线头"), by: inspector))
        #expect(state.status == .rectifying && state.rectifiedBy == nil && state.rejections == 1)
    }

    @Test("a closed hazard takes no further lifecycle event")
    func closedIsFinal() throws {
        var state = try HazardState(grade: .general, foundOn: day).applying(event(.rectified(note: nil)))
        state = try state.applying(event(.verified(note: nil), by: inspector))
        let error = #expect(throws: IllegalTransition.self) { try state.applying(event(.planned(complete))) }
        #expect(error?.code == .closed)
    }

    @Test("supervision: only major, not twice, lifted as an event even after closing")
    func supervision() throws {
        let general = HazardState(grade: .general, foundOn: day)
        #expect((#expect(throws: IllegalTransition.self) { try general.applying(event(.supervised(authority: "市安委会", deadline: nil))) })?.code == .notMajor)
        var state = try HazardState(grade: .major, foundOn: day).applying(event(.supervised(authority: "市安委会", deadline: day)))
        #expect(state.supervision?.authority == "市安委会" && state.firstSupervisedOn == day)
        #expect((#expect(throws: IllegalTransition.self) { try state.applying(event(.supervised(authority: "省安委会", deadline: nil))) })?.code == .alreadySupervised)
        state = try state.applying(event(.planned(complete)))
        state = try state.applying(event(.rectified(note: nil)))
        state = try state.applying(event(.verified(note: nil), by: inspector))
        state = try state.applying(event(.unsupervised(note: "摘牌"), by: inspector))
        #expect(state.supervision == nil && state.firstSupervisedOn == day && state.status == .closed)
        #expect((#expect(throws: IllegalTransition.self) { try state.applying(event(.unsupervised(note: nil))) })?.code == .notSupervised)
    }

    @Test("overdue follows the deadline and the as-of day")
    func overdue() throws {
        let state = try HazardState(grade: .major, foundOn: day).applying(event(.planned(complete)))
        #expect(!state.isOverdue(asOf: Day(year: 2026, month: 7, day: 1)!))
        #expect(state.isOverdue(asOf: Day(year: 2026, month: 7, day: 2)!))
        let done = try state.applying(event(.rectified(note: nil)))
        #expect(!done.isOverdue(asOf: Day(year: 2026, month: 8, day: 1)!))
    }

    @Test("replaying events rebuilds the state; a bad sequence is refused")
    func replay() throws {
        let state = try HazardState.replaying([event(.reported(grade: .general)), event(.rectified(note: nil)), event(.verified(note: nil), by: inspector)])
        #expect(state.status == .closed)
        #expect(throws: IllegalTransition.self) { try HazardState.replaying([event(.rectified(note: nil))]) }
    }
}
