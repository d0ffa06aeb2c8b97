import HazardCore

/// Calendar arithmetic on `Day` for inspection intervals ("每年一次", "每6年一次").
enum CivilCalendar {
    /// `day` plus `months` calendar months; a day that does not exist in the target month
    /// is clamped to that month's last day (2024-02-29 + 12 months = 2025-02-28).
    static func adding(months: Int, to day: Day) -> Day {
        let (year, month, dayOfMonth) = day.components
        let zeroBased = year * 12 + (month - 1) + months
        let targetYear = zeroBased >= 0 ? zeroBased / 12 : (zeroBased - 11) / 12
        let targetMonth = zeroBased - targetYear * 12 + 1
        let clamped = min(dayOfMonth, daysInMonth(year: targetYear, month: targetMonth))
        return Day(year: targetYear, month: targetMonth, day: clamped) ?? day
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
