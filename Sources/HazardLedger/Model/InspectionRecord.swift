public import HazardCore

/// One recorded inspection as the ledger holds it: who inspected what, when, under which
/// checklist, who signed, the stored evaluation, the hazards it found and the hashed event
/// that recorded it. What a printed inspection record (现场检查记录) is made from.
public struct InspectionRecord: Hashable, Sendable {
    public var id: InspectionID
    public var enterprise: Enterprise
    public var site: String?
    public var kind: InspectionKind
    public var inspectors: [String]
    public var date: Day
    public var checklist: ChecklistID
    public var checklistVersion: String
    public var checklistSHA256: String
    public var sector: String
    /// Who signs for the inspection (谁检查、谁签名、谁负责).
    public var signedBy: String
    /// The signature line as recorded.
    public var signature: String
    /// The stored evaluation, as JSON (decodes with `Evaluation`'s `Decodable`).
    public var evaluationJSON: String
    /// The hazards recorded from it, in id order.
    public var hazards: [HazardID]
    /// The `inspection.recorded` event, whose hash a printed record can be checked against.
    public var recordedEvent: ChainedEvent
}
