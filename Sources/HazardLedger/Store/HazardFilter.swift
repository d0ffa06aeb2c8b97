public import HazardCore

/// Which hazards to list. Nil fields do not filter.
public struct HazardFilter: Hashable, Sendable, Codable {
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
        self.limit = limit
        self.offset = offset
    }
}

/// A region code as a prefix: `320000` → `32`, `320500` → `3205`, `320581` → `320581`.
enum RegionPrefix {
    static func of(_ code: String) -> String {
        var prefix = Substring(code)
        while prefix.count > 2, prefix.hasSuffix("00") { prefix = prefix.dropLast(2) }
        return String(prefix)
    }

    /// SQL condition on `column` and its arguments: a range, so an index can serve it.
    static func condition(_ column: String, _ code: String) -> (String, [String]) {
        let prefix = of(code)
        if prefix.count == 6 { return ("\(column) = ?", [prefix]) }
        return ("\(column) >= ? AND \(column) < ?", [prefix, prefix + "~"])
    }
}
