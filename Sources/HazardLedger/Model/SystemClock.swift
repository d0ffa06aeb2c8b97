import Foundation

/// The wall clock, for the CLI and the server; passed in explicitly like any other clock.
public struct SystemClock: LedgerClock {
    public init() {}
    public func now() -> Timestamp { Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded())) }
}
