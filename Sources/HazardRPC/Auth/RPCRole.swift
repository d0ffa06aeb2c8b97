/// What a client may do; each role includes the rights of the ones before it
/// (`rpc/PROTOCOL.md` §4).
public enum RPCRole: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Reads checklists, grades, reads hazards in scope.
    case reader
    /// + records inspections and reports and rectifies hazards in scope.
    case inspector
    /// + verifies, closes and supervises hazards, dispatch reports (监管部门).
    case department
    /// Everything, every scope.
    case admin

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: RPCRole, b: RPCRole) -> Bool { a.rank < b.rank }
}
