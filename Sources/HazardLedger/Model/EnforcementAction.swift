/// What the dispatch form counts in groups 2 (spot checks of self-inspection) and 3
/// (enforcement), as the ledger records them. Group 2 items count enterprises; group 3 items
/// count times (with the amount or persons where the form asks for them).
public enum EnforcementAction: String, Hashable, Sendable, CaseIterable {
    case spotCheck = "spot_check"
    case principalNotStudied = "principal_not_studied"
    case principalNoInspection = "principal_no_inspection"
    case noDutyList = "no_duty_list"
    case noSafetyBody = "no_safety_body"
    case uncertifiedWorkers = "uncertified_workers"
    case chaoticOutsourcing = "chaotic_outsourcing"
    case noDrill = "no_drill"
    case guidance
    /// Guidance visit to a key enterprise; counts towards 3.1 too.
    case keyGuidance = "key_guidance"
    /// Administrative penalty; `amount` in 10,000 yuan (万元).
    case penalty
    case dualPenalty = "dual_penalty"
    /// `persons` referred to judicial organs.
    case judicialReferral = "judicial_referral"
    case suspension
    case exposure
    case typicalCase = "typical_case"
    /// `persons` held accountable.
    case accountability

    /// Item number on the dispatch form.
    public var formItem: String {
        switch self {
        case .spotCheck: return "2.1"
        case .principalNotStudied: return "2.2"
        case .principalNoInspection: return "2.3"
        case .noDutyList: return "2.4"
        case .noSafetyBody: return "2.5"
        case .uncertifiedWorkers: return "2.6"
        case .chaoticOutsourcing: return "2.7"
        case .noDrill: return "2.8"
        case .guidance: return "3.1"
        case .keyGuidance: return "3.2"
        case .penalty: return "3.3"
        case .dualPenalty: return "3.4"
        case .judicialReferral: return "3.5"
        case .suspension: return "3.6"
        case .exposure: return "3.7"
        case .typicalCase: return "3.8"
        case .accountability: return "3.9"
        }
    }

    public var label: String {
        switch self {
        case .spotCheck: return "部门抽查检查企业数（家）"
        case .principalNotStudied: return "主要负责人未专题学习的（家）"
        case .principalNoInspection: return "主要负责人未带队检查的（家）"
        case .noDutyList: return "未制定分管负责人责任清单的（家）"
        case .noSafetyBody: return "未设置安全管理机构或人员配备不足的（家）"
        case .uncertifiedWorkers: return "特种作业人员无证上岗的（家）"
        case .chaoticOutsourcing: return "外包外租管理混乱的（家）"
        case .noDrill: return "未开展应急演练或员工不清楚逃生出口的（家）"
        case .guidance: return "检查指导（次）"
        case .keyGuidance: return "其中重点企业（次）"
        case .penalty: return "行政处罚（次，万元）"
        case .dualPenalty: return "一案双罚（次）"
        case .judicialReferral: return "移送司法机关（人）"
        case .suspension: return "责令停产整顿企业（家）"
        case .exposure: return "曝光、约谈、联合惩戒企业（家）"
        case .typicalCase: return "公布典型案例（个）"
        case .accountability: return "倒查追责（人）"
        }
    }

    /// Group 2 items count distinct enterprises.
    public var countsEnterprises: Bool { formItem.hasPrefix("2.") || self == .suspension || self == .exposure }
}
