/// The documents people sign (谁检查、谁签名、谁负责).
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    /// 现场检查记录 / 隐患排查记录: what was inspected, by whom, and every finding.
    case record
    /// 隐患整改通知书 (责令限期整改): the hazards to rectify, each with its deadline.
    case notice
    /// 整改复查意见: what was rectified, who verified it, when, with the event hash.
    case review

    /// The prefix of the document number (`DocumentNumber`).
    var numberPrefix: String {
        switch self {
        case .record: return "隐检记"
        case .notice: return "隐改通"
        case .review: return "隐复查"
        }
    }
}
