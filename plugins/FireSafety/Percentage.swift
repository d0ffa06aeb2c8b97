/// Percentages as GB 35181-2017 states its thresholds ("小于规定值的75%", "大于…的50%").
///
/// Results are rounded to 1e-9 percentage points so that a measurement exactly at a threshold
/// (7.5 m of a 10 m separation, 3 of 10 lamps) compares as exactly 75 % or 30 %, never as
/// 30.000000000000004 %. No inspector's measurement is that precise.
enum Percentage {
    /// `part` as a percentage of `whole` (`whole` > 0).
    static func of(_ part: Double, in whole: Double) -> Double {
        rounded(part * 100 / whole)
    }

    /// How far `value` exceeds `limit`, as a percentage of `limit` (`limit` > 0); negative
    /// when `value` is below `limit`.
    static func excess(of value: Double, over limit: Double) -> Double {
        rounded((value - limit) * 100 / limit)
    }

    static func rounded(_ percent: Double) -> Double {
        (percent * 1e9).rounded() / 1e9
    }
}
