/// The overall risk rating of an inspection, on the four-colour scale (红橙黄蓝) that
/// Chinese risk grading uses.
///
/// - red 重大风险: at least one major accident hazard.
/// - orange 较大风险: no major hazard, but three or more general hazards, or a score under 60.
/// - yellow 一般风险: one or two general hazards.
/// - blue 低风险: no hazard found.
/// - unrated 未评级: no hazard found and no applicable criterion decided yet (an empty form is
///   not evidence of low risk).
/// `provisional` is set when criteria are unanswered: answering them could raise the rating.
public struct Rating: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Hashable, Codable, CaseIterable {
        case red, orange, yellow, blue, unrated

        public var chinese: String {
            switch self {
            case .red: return "重大风险"
            case .orange: return "较大风险"
            case .yellow: return "一般风险"
            case .blue: return "低风险"
            case .unrated: return "未评级"
            }
        }

        /// The colour as risk grading names it (红色 for 重大风险, …).
        public var colour: String {
            switch self {
            case .red: return "红色"
            case .orange: return "橙色"
            case .yellow: return "黄色"
            case .blue: return "蓝色"
            case .unrated: return "无"
            }
        }

        /// The level as a report prints it: `红色（重大风险）`, `未评级（尚无已判定的检查项）`.
        public var reportName: String { self == .unrated ? "未评级（尚无已判定的检查项）" : "\(colour)（\(chinese)）" }
    }

    public var level: Level
    public var label: String
    public var provisional: Bool

    public init(counts: Evaluation.Counts, score: Double?) {
        if counts.major > 0 {
            level = .red
        } else if score == nil && counts.unanswered > 0 {
            level = .unrated
        } else if counts.general >= 3 || (score ?? 100) < 60 {
            level = .orange
        } else if counts.general > 0 {
            level = .yellow
        } else {
            level = .blue
        }
        label = level.chinese
        provisional = counts.unanswered > 0
    }
}
