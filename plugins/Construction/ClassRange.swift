/// What is known about a class while some answers are missing: the class lies between
/// `lower` and `upper`. A class is known (a fact is derived) only when the two agree, so a
/// missing answer never silently lowers a class.
///
/// Every threshold of 建办质〔2018〕31号 raises the class ("any one" rule), so the class of a
/// category is the maximum over its triggers and the bounds combine by taking maxima.
struct ClassRange: Sendable, Hashable {
    var lower: WorksClass
    var upper: WorksClass

    init(_ lower: WorksClass, _ upper: WorksClass) {
        self.lower = lower
        self.upper = max(lower, upper)
    }

    static func exactly(_ c: WorksClass) -> ClassRange { ClassRange(c, c) }

    /// Nothing known: anything from `none` up to `upper`.
    static func unknown(upTo upper: WorksClass = .overScale) -> ClassRange { ClassRange(.none, upper) }

    /// The class when the bounds agree; nil (unknown) otherwise.
    var value: WorksClass? { lower == upper ? lower : nil }

    /// The class of "any one of" two triggers.
    func combined(with other: ClassRange) -> ClassRange {
        ClassRange(max(lower, other.lower), max(upper, other.upper))
    }

    static func any(_ ranges: [ClassRange]) -> ClassRange {
        ranges.reduce(.exactly(.none)) { $0.combined(with: $1) }
    }

    /// A measured value against "≥ T1 ⇒ 危大, ≥ T2 ⇒ 超规模" (及以上/含: inclusive). A nil
    /// threshold means the annex has no such bound.
    static func threshold(_ value: Double?, wdgcAt t1: Double?, overScaleAt t2: Double?) -> ClassRange {
        let top: WorksClass = t2 != nil ? .overScale : (t1 != nil ? .wdgc : .none)
        guard let value else { return .unknown(upTo: top) }
        if let t2, value >= t2 { return .exactly(.overScale) }
        if let t1, value >= t1 { return .exactly(.wdgc) }
        return .exactly(.none)
    }

    /// A size of a kind of works that Annex 1 lists in full ("all" 危大) and Annex 2 from
    /// `overScaleAt` (e.g. curtain-wall height ≥ 50 m). 0 (or less) means no such works.
    static func sized(_ value: Double?, overScaleAt t2: Double) -> ClassRange {
        guard let value else { return .unknown() }
        if value <= 0 { return .exactly(.none) }
        return value >= t2 ? .exactly(.overScale) : .exactly(.wdgc)
    }

    /// A yes/no condition: `inner` when it holds, `none` when it does not, and anything up to
    /// `inner.upper` when unanswered.
    static func gated(_ condition: Bool?, _ inner: ClassRange) -> ClassRange {
        switch condition {
        case true?: return inner
        case false?: return .exactly(.none)
        case nil: return .unknown(upTo: inner.upper)
        }
    }

    /// A yes/no condition that by itself puts the works in class `c`.
    static func flag(_ condition: Bool?, _ c: WorksClass) -> ClassRange { gated(condition, .exactly(c)) }
}
