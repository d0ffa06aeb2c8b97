public import HazardLedger

/// What a hazard's events say about its rectification and review: the latest rectification,
/// the latest review (verification or rejection) and how many reviews failed.
public struct VerificationTrail: Sendable {
    public var hazard: Hazard
    /// The latest `rectified` event.
    public var rectified: ChainedEvent?
    /// The latest `verified` or `rejected` event.
    public var review: ChainedEvent?
    public var rejections: Int

    public init(_ detail: HazardDetail) {
        hazard = detail.hazard
        rectified = detail.events.last { $0.kind == "rectified" }
        review = detail.events.last { $0.kind == "verified" || $0.kind == "rejected" }
        rejections = detail.events.count { $0.kind == "rejected" }
    }

    public var isVerified: Bool { review?.kind == "verified" }

    /// Rectified again after the latest rejection: waiting for another review.
    public var awaitsReviewAgain: Bool {
        guard let review, review.kind == "rejected", let rectified else { return false }
        return rectified.seq > review.seq
    }

    /// The note of the rectification (整改说明).
    public var rectificationNote: String? {
        if case .rectified(let note)? = rectified?.change { return note }
        return nil
    }

    /// The reviewer's note, or the reason a review failed.
    public var reviewNote: String? {
        switch review?.change {
        case .verified(let note)?: return note
        case .rejected(let reason)?: return reason
        default: return nil
        }
    }
}
