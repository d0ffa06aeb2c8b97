public import HazardCore

/// A rectification plan. For a major hazard all five of 五落实 must be present:
/// responsible person (责任), measures (措施), funds (资金), deadline (时限) and contingency
/// plan (预案).
public struct RectificationPlan: Hashable, Sendable {
    public var responsible: String?
    public var measures: String?
    /// Funds earmarked, in yuan, as written (e.g. `50000`, `5万元`).
    public var funds: String?
    public var deadline: Day?
    public var contingency: String?

    public init(responsible: String? = nil, measures: String? = nil, funds: String? = nil, deadline: Day? = nil, contingency: String? = nil) {
        self.responsible = responsible
        self.measures = measures
        self.funds = funds
        self.deadline = deadline
        self.contingency = contingency
    }

    /// The parts of 五落实 that are missing or blank (nothing but whitespace and zero-width
    /// characters), in the order the rules list them.
    public var missingParts: [String] {
        func blank(_ s: String?) -> Bool { PersonName.isBlank(s) }
        var missing: [String] = []
        if blank(responsible) { missing.append("responsible person (责任人)") }
        if blank(measures) { missing.append("measures (整改措施)") }
        if blank(funds) { missing.append("funds (整改资金)") }
        if deadline == nil { missing.append("deadline (整改时限)") }
        if blank(contingency) { missing.append("contingency plan (应急预案)") }
        return missing
    }

    public var isComplete: Bool { missingParts.isEmpty }
}
