import ArgumentParser
import HazardCore

/// Dates given on the command line (`--date`, `--on`, `--deadline`, `--as-of`, …), read one way
/// by every command, so `2026-02-30` is refused the same way everywhere: as a date that does
/// not exist, not as a typo in the format.
enum DateArgument {
    /// The day `text` names.
    ///
    /// - Throws: `ValidationError` (shown with the command's usage) naming `option`.
    static func day(_ text: String, option: String) throws -> Day {
        if let day = Day(iso: text) { return day }
        throw ValidationError(problem(text, option: option))
    }

    /// Why `text` is not a day: the wrong shape, or a month or day the calendar lacks.
    static func problem(_ text: String, option: String) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), Int(parts[2]) != nil else {
            return "\(option) must be a date written YYYY-MM-DD, not '\(text)'"
        }
        guard (1...12).contains(month) else { return "\(option) \(text) is not a calendar date: there is no month \(month)" }
        let days = Day.daysInMonth(year: year, month: month)
        return "\(option) \(text) is not a calendar date: \(year)-\(parts[1]) has \(days) days"
    }
}
