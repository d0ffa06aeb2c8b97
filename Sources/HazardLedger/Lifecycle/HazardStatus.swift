/// Where a hazard is in its lifecycle.
///
///     reported ──plan──► rectifying ──rectify──► rectified ──verify──► closed (销号)
///        │                   ▲                      │
///        └─rectify (general, └──────reject──────────┘
///          立查立改)──────────────► rectified
public enum HazardStatus: String, Hashable, Sendable, CaseIterable {
    case reported
    /// A plan is recorded (for a major hazard: all of 五落实) and work is under way (整改中).
    case rectifying
    /// Rectification recorded, awaiting verification (待验收).
    case rectified
    /// Verified by someone other than the rectifier and closed (销号).
    case closed

    public var isOpen: Bool { self != .closed }
    /// Still needs rectification work (counts as overdue once past its deadline).
    public var awaitsRectification: Bool { self == .reported || self == .rectifying }

    public var chinese: String {
        switch self {
        case .reported: return "已上报"
        case .rectifying: return "整改中"
        case .rectified: return "已整改待验收"
        case .closed: return "已销号"
        }
    }
}
