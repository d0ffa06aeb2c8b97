import HazardCore

/// The lifecycle rules (隐患排查治理: 五落实, 立查立改, 销号, 挂牌督办).
extension HazardState {
    /// The state after `event`, or the reason the event is not allowed.
    ///
    /// - Throws: `IllegalTransition`; `self` is never changed.
    public func applying(_ event: HazardEvent) throws(IllegalTransition) -> HazardState {
        var next = self
        let actor = event.actor.name
        if status == .closed, case .unsupervised = event.change {} else if status == .closed {
            throw IllegalTransition(.closed, "the hazard is closed (已销号); no \(event.change.kind) event can follow")
        }
        try checkDay(of: event)
        next.lastEventOn = event.day
        switch event.change {
        case .reported:
            throw IllegalTransition(.alreadyReported, "the hazard is already reported")

        case .planned(let plan):
            guard status == .reported || status == .rectifying else {
                throw IllegalTransition(.notRectifying, "a plan can be recorded only before rectification is done (status: \(status.rawValue))")
            }
            if grade == .major {
                let missing = plan.missingParts
                guard missing.isEmpty else {
                    throw IllegalTransition(.incompletePlan, "a major hazard needs all five of 五落实 to enter rectifying; missing: \(missing.joined(separator: ", "))")
                }
            } else {
                var missing: [String] = []
                if PersonName.isBlank(plan.responsible) { missing.append("responsible person (责任人)") }
                if plan.deadline == nil { missing.append("deadline (整改时限)") }
                guard missing.isEmpty else {
                    throw IllegalTransition(.incompletePlan, "a plan for a general hazard needs \(missing.joined(separator: " and "))")
                }
            }
            next.plan = plan
            next.status = .rectifying

        case .rectified:
            switch status {
            case .rectifying:
                next.rectifiedOnTheSpot = false
            case .reported where grade == .general:
                next.rectifiedOnTheSpot = true
            case .reported:
                throw IllegalTransition(.majorNeedsPlan, "a major hazard cannot be rectified before a complete 五落实 plan is recorded")
            default:
                throw IllegalTransition(.notRectifying, "the hazard is \(status.rawValue), not being rectified")
            }
            guard !PersonName.isBlank(actor) else { throw IllegalTransition(.missingText, "a rectification must name who did it") }
            next.status = .rectified
            next.rectifiedBy = actor
            next.rectifiedByPrincipal = event.actor.principal
            next.rectifiedByShared = event.actor.actsForSeveral
            next.rectifiedOn = event.day

        case .verified:
            guard status == .rectified else {
                throw IllegalTransition(.notRectified, "only a rectified hazard can be verified and closed (销号); it is \(status.rawValue)")
            }
            try checkFourEyes(event.actor, closing: true)
            next.status = .closed
            next.verifiedBy = actor
            next.closedOn = event.day

        case .rejected(let reason):
            guard status == .rectified else {
                throw IllegalTransition(.notRectified, "only a rectified hazard can fail verification; it is \(status.rawValue)")
            }
            try checkFourEyes(event.actor, closing: false)
            guard !PersonName.isBlank(reason) else { throw IllegalTransition(.missingText, "a failed verification must give its reason") }
            next.status = .rectifying
            next.rectifiedBy = nil
            next.rectifiedByPrincipal = nil
            next.rectifiedByShared = false
            next.rectifiedOn = nil
            next.rectifiedOnTheSpot = false
            next.rejections += 1

        case .supervised(let authority, let deadline):
            guard grade == .major else {
                throw IllegalTransition(.notMajor, "only a major hazard is put under supervision (挂牌督办)")
            }
            guard supervision == nil else {
                throw IllegalTransition(.alreadySupervised, "the hazard is already under supervision by \(supervision?.authority ?? "")")
            }
            guard !PersonName.isBlank(authority) else { throw IllegalTransition(.missingText, "supervision must name its authority") }
            next.supervision = Supervision(authority: authority, deadline: deadline, since: event.day)
            if next.firstSupervisedOn == nil { next.firstSupervisedOn = event.day }

        case .unsupervised:
            guard supervision != nil else {
                throw IllegalTransition(.notSupervised, "the hazard is not under supervision")
            }
            next.supervision = nil
            next.supervisionLiftedOn = event.day
        }
        return next
    }

    /// Days move forward: never before the hazard was found, never before the previous
    /// event, never after the day after the ledger recorded the event (clock skew, UTC+8).
    private func checkDay(of event: HazardEvent) throws(IllegalTransition) {
        guard event.day >= foundOn else {
            throw IllegalTransition(.beforeFound, "\(event.change.kind) on \(event.day) is before the hazard was found (\(foundOn))")
        }
        guard event.day >= lastEventOn else {
            throw IllegalTransition(.dayOutOfOrder, "\(event.change.kind) on \(event.day) is before the hazard's previous event (\(lastEventOn))")
        }
        if let recordedOn = event.recordedOn, event.day.daysSinceEpoch > recordedOn.daysSinceEpoch + 1 {
            throw IllegalTransition(.futureDay, "\(event.change.kind) on \(event.day) is in the future (today is \(recordedOn))")
        }
    }

    /// `applying(event)` for a change being written now: also refuses input the state machine
    /// would accept but no one means. A deadline before the hazard was found cannot be met and
    /// is a typing mistake (a year or a month off), so the overdue list and the dispatch form
    /// never count it. Kept out of `applying` because `verify-chain` replays events written
    /// before this rule existed, and those were legal when written: they are not tampering.
    public func admitting(_ event: HazardEvent) throws(IllegalTransition) -> HazardState {
        switch event.change {
        case .planned(let plan): try checkDeadline(plan.deadline, of: "the plan's deadline (整改时限)")
        case .supervised(_, let deadline): try checkDeadline(deadline, of: "the supervision deadline (督办时限)")
        default: break
        }
        return try applying(event)
    }

    private func checkDeadline(_ deadline: Day?, of what: String) throws(IllegalTransition) {
        guard let deadline, deadline < foundOn else { return }
        throw IllegalTransition(.deadlineBeforeFound, "\(what) \(deadline) is before the day the hazard was found (\(foundOn))")
    }

    /// Four eyes (验收人与整改人不得为同一人): the verifier is not the rectifier, by the
    /// credential they acted through unless it acts for several people, and by normalised name.
    private func checkFourEyes(_ verifier: Person, closing: Bool) throws(IllegalTransition) {
        let rectifier = Person(name: rectifiedBy ?? "", role: "", principal: rectifiedByPrincipal, actsForSeveral: rectifiedByShared)
        guard rectifiedBy != nil, verifier.isSamePerson(as: rectifier) else { return }
        let how = verifier.normalisedName == rectifier.normalisedName
            ? "\(verifier.name) recorded the rectification"
            : "the rectification was recorded with the same credential (\(verifier.principal ?? ""))"
        throw IllegalTransition(.selfVerification, "\(how) and cannot also verify it" + (closing ? "; closing needs a different person" : ""))
    }
}
