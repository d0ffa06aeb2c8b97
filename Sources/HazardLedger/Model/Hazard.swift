public import HazardCore

/// A hazard as the ledger holds it: what was found, where, by whom, and its current state
/// (the projection of its events).
public struct Hazard: Hashable, Sendable {
    public var id: HazardID
    public var inspection: InspectionID
    public var enterprise: USCC
    public var enterpriseName: String
    public var criterion: CriterionID
    public var clause: String
    public var title: String
    /// The answers and facts that decided the finding, as text.
    public var evidence: String
    public var source: InspectionKind
    public var region: String
    public var sector: String
    public var checklist: ChecklistID
    public var checklistVersion: String
    public var state: HazardState

    public var grade: Grade { state.grade }
    public var status: HazardStatus { state.status }
    /// The owner (责任人) from the plan, if any.
    public var owner: String? { state.plan?.responsible }
    public var deadline: Day? { state.deadline }
    public func isOverdue(asOf day: Day) -> Bool { state.isOverdue(asOf: day) }
}
