public import HazardCore

/// Calendar-month arithmetic on civil dates, for deadlines the coal standard states in months
/// or years (第二十条: low-gas mines appraised every 2 years, outburst appraisal within 6 months).
///
/// Adding months keeps the day of the month and clamps it to the last day of a shorter target
/// month: 2024-08-31 + 6 months = 2025-02-28, 2024-02-29 + 12 months = 2025-02-28.
public enum CalendarMonths {
    /// `day` moved by `months` calendar months (negative moves back); nil when the result is
    /// outside the years Day can represent.
    public static func adding(_ months: Int, to day: Day) -> Day? {
        let (year, month, dayOfMonth) = day.components
        let (sum, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow else { return nil }
        let newYear = sum >= 0 ? sum / 12 : (sum - 11) / 12
        let newMonth = sum - newYear * 12 + 1
        guard (1...9999).contains(newYear) else { return nil }
        return Day(year: newYear, month: newMonth, day: min(dayOfMonth, lastDay(year: newYear, month: newMonth)))
    }

    /// Number of days in a month of the proleptic Gregorian calendar.
    public static func lastDay(year: Int, month: Int) -> Int {
        for candidate in stride(from: 31, through: 28, by: -1) where Day(year: year, month: month, day: candidate) != nil {
            return candidate
        }
        return 28
    }
}
