/// An administrative region code (行政区划代码): six digits, whose trailing `00` pairs widen it,
/// so `320000` is Jiangsu, `320500` Suzhou and `320581` Changshu. The ledger's region filters
/// and the RPC's region scopes read codes this one way.
public struct RegionCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Nil unless `rawValue` is exactly six ASCII digits.
    public init?(rawValue: String) {
        guard rawValue.utf8.count == 6, rawValue.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        self.rawValue = rawValue
    }

    /// - Throws: `LedgerError` `.invalidRegion` when `text` is not six digits.
    public init(_ text: String) throws(LedgerError) {
        guard let code = RegionCode(rawValue: text) else {
            throw LedgerError(.invalidRegion, "region '\(text)' is not a 6-digit administrative region code")
        }
        self = code
    }

    /// The digits every region inside this one starts with: `320000` → `32`, `320500` → `3205`.
    public var prefix: String { Self.prefix(of: rawValue) }

    /// Whether `region` (a stored 6-digit code) lies inside this region.
    public func covers(_ region: String) -> Bool { region.hasPrefix(prefix) }

    /// Whether every region `other` covers is covered by this one too.
    public func contains(_ other: RegionCode) -> Bool { other.prefix.hasPrefix(prefix) }

    /// The same reading for a code not validated (a scope from a configuration file).
    public static func prefix(of code: String) -> String {
        var prefix = Substring(code)
        while prefix.count > 2, prefix.hasSuffix("00") { prefix = prefix.dropLast(2) }
        return String(prefix)
    }

    /// The codes that matter when any of `codes` may match: one nested in another is dropped
    /// (`320500` inside `320000`), so a query over them names each stored row once.
    public static func outermost(_ codes: [RegionCode]) -> [RegionCode] {
        let unique = Array(Set(codes)).sorted { $0.rawValue < $1.rawValue }
        return unique.filter { code in !unique.contains { $0 != code && $0.contains(code) } }
    }

    /// The stored codes inside this region as a half-open range of text, so an index on the
    /// column serves it: `[prefix, prefix + "~")` ("~" sorts after every digit).
    var storedRange: (low: String, high: String)? {
        let prefix = self.prefix
        return prefix.utf8.count == 6 ? nil : (prefix, prefix + "~")
    }

    public var description: String { rawValue }
}
