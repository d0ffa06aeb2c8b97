/// Calendar arithmetic on civil dates (proleptic Gregorian), for deadlines standards state in
/// months or years ("每年一次", "6个月内", "每2年").
///
/// Adding months keeps the day of the month and clamps it to the last day of a shorter target
/// month: 2024-08-31 + 6 months = 2025-02-28, 2024-02-29 + 12 months = 2025-02-28.
public enum CivilCalendar {
    /// `day` moved by `months` calendar months (negative moves back); nil when the result is
    /// outside the years `Day` represents (1…9999).
    public static func adding(months: Int, to day: Day) -> Day? {
        let (year, month, dayOfMonth) = day.components
        let (sum, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow else { return nil }
        let newYear = sum >= 0 ? sum / 12 : (sum - 11) / 12
        let newMonth = sum - newYear * 12 + 1
        guard (1...9999).contains(newYear) else { return nil }
        return Day(year: newYear, month: newMonth, day: min(dayOfMonth, daysInMonth(year: newYear, month: newMonth)))
    }

    /// `day` moved by whole years, clamped like `adding(months:to:)` (02-29 → 02-28).
    public static func adding(years: Int, to day: Day) -> Day? {
        let (months, overflow) = years.multipliedReportingOverflow(by: 12)
        return overflow ? nil : adding(months: months, to: day)
    }

    public static func isLeapYear(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days in `month` (1–12) of `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
