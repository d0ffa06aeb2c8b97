/// A calendar date without time zone, stored as days since 1970-01-01.
///
/// Dates in standards and inspections are civil dates (检查日期); a plain day count keeps
/// comparisons and `days_since` exact and avoids Foundation's calendars in the hot path.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// Creates a day from a proleptic Gregorian date; nil when the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = era * 146097 + doe - 719468
    }

    /// Parses `YYYY-MM-DD` exactly; nil for anything else.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard let day = bytes.withUnsafeBufferPointer(Day.init(isoUTF8:)) else { return nil }
        self = day
    }

    /// `YYYY-MM-DD` given as UTF-8 bytes (a request's, read in place, nothing allocated).
    public init?(isoUTF8 u: UnsafeBufferPointer<UInt8>) {
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r { let d = Int(u[i]) - 48; guard (0...9).contains(d) else { return nil }; v = v * 10 + d }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` (years below 1000 zero-padded; outside 0…9999 as many digits as needed).
    /// Written digit by digit: reports and responses print many dates.
    public var description: String {
        let (y, m, d) = components
        guard (0...9999).contains(y) else {
            func pad(_ v: Int, _ n: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, n - s.count)) + s }
            return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        }
        // 10 ASCII bytes: a small string, stored inline.
        return String(unsafeUninitializedCapacity: 10) { b in
            func digit(_ v: Int) -> UInt8 { UInt8(truncatingIfNeeded: v) &+ UInt8(ascii: "0") }
            b[0] = digit(y / 1000); b[1] = digit(y / 100 % 10); b[2] = digit(y / 10 % 10); b[3] = digit(y % 10)
            b[4] = UInt8(ascii: "-"); b[5] = digit(m / 10); b[6] = digit(m % 10)
            b[7] = UInt8(ascii: "-"); b[8] = digit(d / 10); b[9] = digit(d % 10)
            return 10
        }
    }

    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a date YYYY-MM-DD, got \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// Days in `month` (1–12) of `year`, proleptic Gregorian.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
