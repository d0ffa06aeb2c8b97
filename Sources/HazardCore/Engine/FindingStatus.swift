/// What a criterion came to for one inspection.
public enum FindingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Major accident hazard (重大事故隐患).
    case major
    /// General hazard (一般事故隐患).
    case general
    case compliant
    case notApplicable = "not_applicable"
    /// An answer the criterion needs is missing.
    case unanswered

    /// The byte the evaluator stores per criterion.
    var code: UInt8 {
        switch self {
        case .compliant: return 0
        case .major: return 1
        case .general: return 2
        case .notApplicable: return 3
        case .unanswered: return 4
        }
    }

    init(code: UInt8) {
        switch code {
        case 0: self = .compliant
        case 1: self = .major
        case 2: self = .general
        case 3: self = .notApplicable
        default: self = .unanswered
        }
    }

    public var isHazard: Bool { self == .major || self == .general }

    /// The Chinese term used in reports.
    public var chinese: String {
        switch self {
        case .major: return "重大事故隐患"
        case .general: return "一般事故隐患"
        case .compliant: return "符合"
        case .notApplicable: return "不适用"
        case .unanswered: return "未作答"
        }
    }
}
