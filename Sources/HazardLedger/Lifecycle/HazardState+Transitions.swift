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
                if plan.responsible.map({ $0.allSatisfy(\.isWhitespace) }) ?? true { missing.append("responsible person (责任人)") }
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
            guard !actor.allSatisfy(\.isWhitespace) else { throw IllegalTransition(.missingText, "a rectification must name who did it") }
            next.status = .rectified
            next.rectifiedBy = actor
            next.rectifiedOn = event.day

        case .verified:
            guard status == .rectified else {
                throw IllegalTransition(.notRectified, "only a rectified hazard can be verified and closed (销号); it is \(status.rawValue)")
            }
            guard actor != rectifiedBy else {
                throw IllegalTransition(.selfVerification, "\(actor) recorded the rectification and cannot also verify it; closing needs a different person")
            }
            next.status = .closed
            next.verifiedBy = actor
            next.closedOn = event.day

        case .rejected(let reason):
            guard status == .rectified else {
                throw IllegalTransition(.notRectified, "only a rectified hazard can fail verification; it is \(status.rawValue)")
            }
            guard actor != rectifiedBy else {
                throw IllegalTransition(.selfVerification, "\(actor) recorded the rectification and cannot also verify it")
            }
            guard !reason.allSatisfy(\.isWhitespace) else { throw IllegalTransition(.missingText, "a failed verification must give its reason") }
            next.status = .rectifying
            next.rectifiedBy = nil
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
            guard !authority.allSatisfy(\.isWhitespace) else { throw IllegalTransition(.missingText, "supervision must name its authority") }
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
}
