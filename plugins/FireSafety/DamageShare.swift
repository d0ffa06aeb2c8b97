/// The share of damaged devices among those counted (GB 35181-2017 7.2.2, 7.3.6, 7.3.7:
/// "损坏的数量大于…总数的50%", "损坏率大于…30%", "损坏率超过其设置总数的20%").
struct DamageShare: Sendable, Hashable {
    /// Damaged as a percentage of the total; nil when the total is 0 (nothing to damage).
    var percent: Double?

    init(damaged: Double, total: Double) {
        percent = total > 0 ? Percentage.of(damaged, in: total) : nil
    }

    /// Whether the share is above the threshold ("大于"/"超过" ⇒ `>`).
    ///
    /// `threshold` lists the thresholds still possible: one when the building kind is known,
    /// several when an answer it depends on is missing. The result is nil (unknown) only when
    /// the possible thresholds disagree. With a total of 0 the share is never exceeded.
    func exceeded(anyOf thresholds: [Double]) -> Bool? {
        guard let percent else { return false }
        let verdicts = Set(thresholds.map { percent > $0 })
        return verdicts.count == 1 ? verdicts.first : nil
    }
}
