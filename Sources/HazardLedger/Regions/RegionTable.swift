/// The GB/T 2260 divisions this build can name, so a region code can be shown as
/// `320102 南京市玄武区` wherever an official reads it (CLI lists, reports, documents).
///
/// Embedded as code because an installed binary cannot count on a resource bundle beside it.
/// The rows are those of `gb2260-regions.csv` beside this file, which says where they come
/// from and when they were checked; `RegionTableTests` holds the two equal row by row. Codes not
/// listed are shown as the bare code: nothing is guessed.
public enum RegionTable {
    /// Where the rows come from, for a document's footnote.
    public static let source = "民政部《中华人民共和国县以上行政区划代码》(GB/T 2260), checked 2026-12-07"

    /// Every division the table names, in code order.
    public static let regions: [RegionName] = [
        RegionName(code: "110000", name: "北京市"),
        RegionName(code: "110100", name: "市辖区"),
        RegionName(code: "110101", name: "东城区"),
        RegionName(code: "110105", name: "朝阳区"),
        RegionName(code: "310000", name: "上海市"),
        RegionName(code: "310100", name: "市辖区"),
        RegionName(code: "310101", name: "黄浦区"),
        RegionName(code: "320000", name: "江苏省"),
        RegionName(code: "320100", name: "南京市"),
        RegionName(code: "320102", name: "玄武区"),
        RegionName(code: "320500", name: "苏州市"),
        RegionName(code: "320505", name: "虎丘区"),
        RegionName(code: "320506", name: "吴中区"),
        RegionName(code: "320507", name: "相城区"),
        RegionName(code: "320508", name: "姑苏区"),
        RegionName(code: "320509", name: "吴江区"),
        RegionName(code: "320581", name: "常熟市"),
        RegionName(code: "320582", name: "张家港市"),
        RegionName(code: "320583", name: "昆山市"),
        RegionName(code: "320585", name: "太仓市"),
        RegionName(code: "350000", name: "福建省"),
        RegionName(code: "350100", name: "福州市"),
        RegionName(code: "350102", name: "鼓楼区"),
    ]

    private static let byCode: [String: RegionName] = Dictionary(uniqueKeysWithValues: regions.map { ($0.code, $0) })

    /// The division with this code, nil when the table does not list it.
    public static func region(_ code: String) -> RegionName? { byCode[code] }

    /// The name an official would write: a county under its prefecture (`南京市玄武区`, or under
    /// its province when the prefecture level is a placeholder: `北京市东城区`), a prefecture
    /// under its province (`江苏省苏州市`), a province alone. Nil for a code the table lacks.
    public static func fullName(of code: String) -> String? {
        guard let region = byCode[code] else { return nil }
        let province = region.provinceCode.flatMap { byCode[$0] }
        switch region.level {
        case .province:
            return region.name
        case .prefecture:
            return (province?.name ?? "") + region.name
        case .county:
            if let prefecture = region.prefectureCode.flatMap({ byCode[$0] }), !prefecture.isPlaceholder {
                return prefecture.name + region.name
            }
            return (province?.name ?? "") + region.name
        }
    }

    /// `320102 南京市玄武区`, or the bare code when the table does not name it.
    public static func label(_ code: String) -> String {
        fullName(of: code).map { "\(code) \($0)" } ?? code
    }
}
