public import HazardCore

/// The projection of a hazard's events: what the hazard row holds. Pure value; the
/// transitions live in `HazardState+Transitions.swift` and are tested without a database.
public struct HazardState: Hashable, Sendable {
    public var grade: Grade
    public var status: HazardStatus
    public var foundOn: Day
    public var plan: RectificationPlan?
    public var rectifiedBy: String?
    /// The credential the rectification came through (`Person.principal`), for the four-eyes rule.
    public var rectifiedByPrincipal: String?
    /// Whether that credential acts for several people (`Person.actsForSeveral`).
    public var rectifiedByShared: Bool = false
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
    /// The day of the latest event; the next may not be earlier.
    public var lastEventOn: Day

    /// The state right after the `reported` event.
    public init(grade: Grade, foundOn: Day) {
        self.grade = grade
        status = .reported
        self.foundOn = foundOn
        rectifiedOnTheSpot = false
        rejections = 0
        lastEventOn = foundOn
    }

    /// The rectification deadline: the plan's, else the supervision's.
    public var deadline: Day? { plan?.deadline ?? supervision?.deadline }

    /// Still awaiting rectification after its deadline, as of `day` (the ledger's "as of").
    public func isOverdue(asOf day: Day) -> Bool {
        guard status.awaitsRectification, let deadline else { return false }
        return deadline < day
    }

    /// The first inspection date the ledger accepts: 2002-11-01, when the Work Safety Law
    /// (安全生产法) took effect and with it the duty to investigate hazards. Older paper records
    /// are not hazards to track to closure.
    public static let earliestInspectionDay = Day(year: 2002, month: 11, day: 1) ?? Day(daysSinceEpoch: 11_992)

    /// Inspection dates the ledger accepts when recording on `recordedOn` (the clock's UTC
    /// day): from `earliestInspectionDay` to the day after `recordedOn` (one day of clock skew
    /// and time zones: China is UTC+8).
    public static func plausibleInspectionDays(recordedOn: Day) -> ClosedRange<Day> {
        let latest = Day(daysSinceEpoch: recordedOn.daysSinceEpoch + 1)
        return earliestInspectionDay...max(latest, earliestInspectionDay)
    }

    /// - Throws: `IllegalTransition` `.implausibleDay` outside `plausibleInspectionDays`.
    public static func checkInspectionDay(_ day: Day, recordedOn: Day) throws(IllegalTransition) {
        let window = plausibleInspectionDays(recordedOn: recordedOn)
        guard window.contains(day) else {
            throw IllegalTransition(.implausibleDay, "inspection date \(day) is outside \(window.lowerBound)…\(window.upperBound) (no earlier than the Work Safety Law, no later than tomorrow)")
        }
    }

    /// Replays events from the first (`reported`).
    ///
    /// - Throws: `IllegalTransition` at the first event the sequence does not allow.
    public static func replaying(_ events: [HazardEvent]) throws(IllegalTransition) -> HazardState {
        guard let first = events.first, case .reported(let grade) = first.change else {
            throw IllegalTransition(.notReported, "a hazard's first event must be `reported`")
        }
        if let recordedOn = first.recordedOn { try checkInspectionDay(first.day, recordedOn: recordedOn) }
        var state = HazardState(grade: grade, foundOn: first.day)
        for event in events.dropFirst() { state = try state.applying(event) }
        return state
    }
}
