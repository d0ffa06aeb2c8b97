/// The counts of the monthly dispatch form (调度表) that the ledger knows: group 1 in full,
/// general hazards, rectification rates, overdue hazards, breakdowns, and the spot-check and
/// enforcement items it has recorded. Rectification figures are read from the current
/// projection (a rectification later rejected no longer counts).
public struct DispatchReport: Hashable, Sendable {
    /// A count cumulative up to `to` and within `from…to`.
    public struct Figure: Hashable, Sendable {
        public var cumulative = 0
        public var inPeriod = 0
    }

    /// One line of the form.
    public struct Line: Hashable, Sendable {
        public var item: String
        public var label: String
        public var figure: Figure
        /// 万元 for penalties, persons for referrals and accountability.
        public var amount: Double?
    }

    /// Cumulative counts for one sector or region.
    public struct Breakdown: Hashable, Sendable {
        public var key: String
        public var major = 0
        public var majorRectified = 0
        public var general = 0
        public var generalRectified = 0
        public var overdue = 0
        /// Rectified share of all hazards, 0–1; nil when none was found.
        public var rectificationRate: Double? { major + general == 0 ? nil : Double(majorRectified + generalRectified) / Double(major + general) }
    }

    public var query: DispatchQuery
    /// Group 1 (1.1–1.6).
    public var overall: [Line]
    /// Public reports, general hazards, totals, closed (销号), overdue.
    public var additional: [Line]
    public var majorRectificationRate: Double?
    public var generalRectificationRate: Double?
    public var rectificationRate: Double?
    public var bySector: [Breakdown]
    public var byRegion: [Breakdown]
    /// Groups 2–3 as far as recorded.
    public var enforcement: [Line]
}
