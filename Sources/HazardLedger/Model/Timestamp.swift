public import HazardCore

/// An instant, milliseconds since 1970-01-01T00:00:00Z. Events take it from the ledger's
/// injected clock, so tests fix time and nothing reads a hidden `Date()`.
public struct Timestamp: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(millisecondsSince1970 ms: Int64) { rawValue = ms }

    /// Midnight UTC of a day, plus optional seconds.
    public init(day: Day, seconds: Int = 0) {
        rawValue = (Int64(day.daysSinceEpoch) * 86_400 + Int64(seconds)) * 1000
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The UTC day it falls on.
    public var day: Day {
        let seconds = rawValue >= 0 ? rawValue / 1000 : (rawValue - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return Day(daysSinceEpoch: Int(days))
    }

    /// ISO 8601 in UTC with milliseconds, e.g. `2026-11-20T08:30:00.000Z`.
    public var description: String {
        let ms = rawValue - Int64(day.daysSinceEpoch) * 86_400_000
        let h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60, f = ms % 1000
        func pad(_ v: Int64, _ n: Int) -> String { let t = String(v); return String(repeating: "0", count: max(0, n - t.count)) + t }
        return "\(day)T\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2)).\(pad(f, 3))Z"
    }
}

/// Where the ledger's event timestamps come from.
public protocol LedgerClock: Sendable {
    func now() -> Timestamp
}

/// A clock that always says the same instant (tests, replays).
public struct FixedClock: LedgerClock {
    public var instant: Timestamp
    public init(_ instant: Timestamp) { self.instant = instant }
    public func now() -> Timestamp { instant }
}
