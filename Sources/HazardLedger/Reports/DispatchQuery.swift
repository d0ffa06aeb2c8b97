public import HazardCore

/// The period and scope of a dispatch report: cumulative up to `to`, in-period from `from`.
public struct DispatchQuery: Hashable, Sendable {
    public var from: Day
    public var to: Day
    /// Region code; trailing `00` pairs widen it to the city or province.
    public var region: String?
    public var sector: String?

    public init(from: Day, to: Day, region: String? = nil, sector: String? = nil) {
        self.from = from
        self.to = to
        self.region = region
        self.sector = sector
    }
}
