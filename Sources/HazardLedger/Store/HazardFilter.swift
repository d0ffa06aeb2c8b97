public import HazardCore

/// Which hazards to list. Nil fields do not filter.
public struct HazardFilter: Hashable, Sendable {
    /// Only hazards not yet closed (the 问题隐患清单); ordered by deadline then id.
    public var openOnly: Bool
    public var statuses: [HazardStatus]?
    public var grade: Grade?
    public var source: InspectionKind?
    /// A region code; trailing `00` pairs widen it (`320500` is the whole city).
    public var region: String?
    public var sector: String?
    public var enterprise: USCC?
    /// Only hazards past their deadline and not yet rectified as of this day.
    public var overdueAsOf: Day?
    public var supervisedOnly: Bool
    public var checklist: ChecklistID?
    /// Only hazards recorded with a checklist version other than this one (re-grading).
    public var checklistVersionOtherThan: String?
    /// The caller's scope: only hazards in one of these regions (nested codes count once)…
    public var scopeRegions: [RegionCode]?
    /// …and of one of these sectors. Applied in the query, before `limit` and `offset`, so a
    /// page is never short for rows the caller may not see.
    public var scopeSectors: Set<String>?
    public var limit: Int
    public var offset: Int

    public init(openOnly: Bool = true, statuses: [HazardStatus]? = nil, grade: Grade? = nil, source: InspectionKind? = nil,
                region: String? = nil, sector: String? = nil, enterprise: USCC? = nil, overdueAsOf: Day? = nil,
                supervisedOnly: Bool = false, checklist: ChecklistID? = nil, checklistVersionOtherThan: String? = nil,
                limit: Int = 1000, offset: Int = 0) {
        self.openOnly = openOnly
        self.statuses = statuses
        self.grade = grade
        self.source = source
        self.region = region
        self.sector = sector
        self.enterprise = enterprise
        self.overdueAsOf = overdueAsOf
        self.supervisedOnly = supervisedOnly
        self.checklist = checklist
        self.checklistVersionOtherThan = checklistVersionOtherThan
        self.scopeRegions = nil
        self.scopeSectors = nil
        self.limit = limit
        self.offset = offset
    }
}
