public import HazardCore

/// The projection of a hazard's events: what the hazard row holds. Pure value; the
/// transitions live in `HazardState+Transitions.swift` and are tested without a database.
public struct HazardState: Hashable, Sendable, Codable {
    public var grade: Grade
    public var status: HazardStatus
    public var foundOn: Day
    public var plan: RectificationPlan?
    public var rectifiedBy: String?
    public var rectifiedOn: Day?
    /// True when the rectification was done on the spot (立查立改) without a plan.
    public var rectifiedOnTheSpot: Bool
    public var verifiedBy: String?
    public var closedOn: Day?
    public var supervision: Supervision?
    /// The first day it was put under supervision; kept after lifting, for the dispatch form.
    public var firstSupervisedOn: Day?
    /// The day the last supervision was lifted.
    public var supervisionLiftedOn: Day?
    /// How many times verification failed.
    public var rejections: Int

    /// The state right after the `reported` event.
    public init(grade: Grade, foundOn: Day) {
        self.grade = grade
        status = .reported
        self.foundOn = foundOn
        rectifiedOnTheSpot = false
        rejections = 0
    }

    /// The rectification deadline: the plan's, else the supervision's.
    public var deadline: Day? { plan?.deadline ?? supervision?.deadline }

    /// Still awaiting rectification after its deadline, as of `day` (the ledger's "as of").
    public func isOverdue(asOf day: Day) -> Bool {
        guard status.awaitsRectification, let deadline else { return false }
        return deadline < day
    }

    /// Replays events from the first (`reported`).
    ///
    /// - Throws: `IllegalTransition` at the first event the sequence does not allow.
    public static func replaying(_ events: [HazardEvent]) throws(IllegalTransition) -> HazardState {
        guard let first = events.first, case .reported(let grade) = first.change else {
            throw IllegalTransition(.notReported, "a hazard's first event must be `reported`")
        }
        var state = HazardState(grade: grade, foundOn: first.day)
        for event in events.dropFirst() { state = try state.applying(event) }
        return state
    }
}
