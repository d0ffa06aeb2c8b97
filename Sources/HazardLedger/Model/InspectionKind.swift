/// Who found a hazard: the source the dispatch form counts by.
public enum InspectionKind: String, Hashable, Sendable, CaseIterable {
    /// Enterprise self-inspection (企业自查).
    case selfInspection = "self"
    /// Inspection by a department (部门检查).
    case department
    /// Supervision check (督导检查), counted with the departments'.
    case supervision
    /// Verified public report (群众举报).
    case publicReport = "public_report"

    public var chinese: String {
        switch self {
        case .selfInspection: return "企业自查"
        case .department: return "部门检查"
        case .supervision: return "督导检查"
        case .publicReport: return "群众举报"
        }
    }
}
