public import HazardCore

/// What the ledger needs besides the evaluation to record an inspection.
public struct InspectionInput: Hashable, Sendable {
    public var enterprise: USCC
    /// A site of the enterprise; created on first use.
    public var site: String?
    public var kind: InspectionKind
    public var inspectors: [String]
    /// Inspection date; default: the evaluation's `inspection_date`.
    public var date: Day?
    /// Sector the hazards are counted under (the checklist's sector).
    public var sector: String
    /// Who signs for the inspection (谁检查、谁签名、谁负责).
    public var signedBy: String
    /// The signature line as written on the record, e.g. `检查人：张三 李四；企业负责人：王五`.
    public var signature: String?

    public init(enterprise: USCC, site: String? = nil, kind: InspectionKind, inspectors: [String], date: Day? = nil,
                sector: String, signedBy: String, signature: String? = nil) {
        self.enterprise = enterprise
        self.site = site
        self.kind = kind
        self.inspectors = inspectors
        self.date = date
        self.sector = sector
        self.signedBy = signedBy
        self.signature = signature
    }
}

/// What recording an inspection produced.
public struct RecordedInspection: Hashable, Sendable {
    public var inspection: InspectionID
    /// One per major or general finding, in the evaluation's order.
    public var hazards: [HazardID]
}
