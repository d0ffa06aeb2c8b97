/// One administrative division of GB/T 2260 (行政区划代码): its 6-digit code and its own name
/// (`320581` 常熟市), with the levels the code spells: `PP0000` a province, `PPCC00` a
/// prefecture (地级), anything else a county (县级).
public struct RegionName: Hashable, Sendable {
    public enum Level: String, Hashable, Sendable {
        case province, prefecture, county
    }

    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    public var level: Level { Self.level(of: code) }

    /// The level a 6-digit code spells.
    public static func level(of code: String) -> Level {
        if code.hasSuffix("0000") { return .province }
        if code.hasSuffix("00") { return .prefecture }
        return .county
    }

    /// The province's code (`320581` → `320000`), nil for a province.
    public var provinceCode: String? { level == .province ? nil : String(code.prefix(2)) + "0000" }

    /// The prefecture's code (`320581` → `320500`), nil unless a county.
    public var prefectureCode: String? { level == .county ? String(code.prefix(4)) + "00" : nil }

    /// Whether this is a placeholder level rather than a place (`市辖区`, `县`, `省直辖县级行政区划`):
    /// a full name skips it (`110101` is 北京市东城区, not 北京市市辖区东城区).
    public var isPlaceholder: Bool {
        name == "市辖区" || name == "县" || name.hasSuffix("直辖县级行政区划")
    }
}
