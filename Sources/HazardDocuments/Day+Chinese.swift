public import HazardCore

extension Day {
    /// The date as Chinese documents write it: `2026年3月18日`.
    public var chinese: String {
        let (y, m, d) = components
        return "\(y)年\(m)月\(d)日"
    }
}
