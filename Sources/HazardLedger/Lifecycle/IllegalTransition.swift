/// A lifecycle event the hazard's state does not allow. The ledger refuses it and changes
/// nothing.
public struct IllegalTransition: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        case alreadyReported
        case notReported
        case incompletePlan
        case notRectifying
        case majorNeedsPlan
        case notRectified
        case selfVerification
        case closed
        case notMajor
        case alreadySupervised
        case notSupervised
        case missingText
        /// The event's day is before the hazard was found (发现日期).
        case beforeFound
        /// The event's day is before the day of the hazard's previous event.
        case dayOutOfOrder
        /// The event's day is after tomorrow (by the ledger's clock).
        case futureDay
        /// An inspection date outside `HazardState.plausibleInspectionDays`.
        case implausibleDay
        /// A plan's or a supervision's deadline (整改时限) is before the hazard was found.
        case deadlineBeforeFound
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "illegal transition: \(message) [\(code.rawValue)]" }
}
