/// The class of a sub-project (分部分项工程) under 住建部令第37号 and 建办质〔2018〕31号:
/// not high-risk, 危险性较大的分部分项工程 (Annex 1), or 超过一定规模的危险性较大的分部分项工程
/// (Annex 2). Ordered: `none < wdgc < overScale`.
public enum WorksClass: String, Sendable, Hashable, CaseIterable, Comparable {
    /// 非危大工程.
    case none = "none"
    /// 危大工程 (Annex 1): needs a 专项施工方案.
    case wdgc = "wdgc"
    /// 超过一定规模的危大工程 (Annex 2): the plan also needs an expert review (专家论证).
    case overScale = "over_scale"

    /// The option values of the enum facts, in order.
    public static let optionValues: [String] = allCases.map(\.rawValue)

    var rank: Int {
        switch self {
        case .none: return 0
        case .wdgc: return 1
        case .overScale: return 2
        }
    }

    public static func < (a: WorksClass, b: WorksClass) -> Bool { a.rank < b.rank }
}
