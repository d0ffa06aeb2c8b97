public import HazardCore

/// What an event does to a hazard. `reported` is the first event of every hazard.
public enum LifecycleChange: Hashable, Sendable {
    case reported(grade: Grade)
    /// A plan (or a revised one) is recorded; the hazard is being rectified.
    case planned(RectificationPlan)
    /// Rectification done. From `reported` only for a general hazard (立查立改).
    case rectified(note: String?)
    /// Verified by someone other than the rectifier: closed (销号).
    case verified(note: String?)
    /// Verification failed: back to rectifying.
    case rejected(reason: String)
    case supervised(authority: String, deadline: Day?)
    /// Supervision lifted (摘牌).
    case unsupervised(note: String?)

    /// The event kind stored in the ledger.
    public var kind: String {
        switch self {
        case .reported: return "reported"
        case .planned: return "planned"
        case .rectified: return "rectified"
        case .verified: return "verified"
        case .rejected: return "rejected"
        case .supervised: return "supervised"
        case .unsupervised: return "unsupervised"
        }
    }
}
