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

    /// The Chinese label reports print for a finding. Each names whether the *hazard* is
    /// there, so a line cannot be misread: `[符合] 未取得燃气经营许可证` read as "compliant:
    /// no licence", while `[未发现隐患] 未取得燃气经营许可证` says the violation the title
    /// describes was not found. Hazards keep the legal terms of the 判定标准 (重大事故隐患,
    /// 一般事故隐患); "未发现" rather than "无": an inspection finds, it cannot certify absence.
    public var chinese: String {
        switch self {
        case .major: return "重大事故隐患"
        case .general: return "一般事故隐患"
        case .compliant: return "未发现隐患"
        case .notApplicable: return "不适用"
        case .unanswered: return "未作答"
        }
    }
}
