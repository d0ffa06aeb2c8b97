/// Answers and facts in the engine's typed form: one slot per question, then one per
/// plugin fact, as the compiled checklist numbered them. Conditions read slots by index,
/// so evaluation does no dictionary lookups.
public struct AnswerSlots: Sendable {
    var numbers: [Double]
    var known: [Bool]
    var texts: [String?]
    var lists: [RecordTable?]
    public var inspectionDate: Day?

    /// `count` slots plus one spare, so no buffer is ever empty.
    init(count: Int, inspectionDate: Day?) {
        numbers = Array(repeating: 0, count: count + 1)
        known = Array(repeating: false, count: count + 1)
        texts = Array(repeating: nil, count: count + 1)
        lists = Array(repeating: nil, count: count + 1)
        self.inspectionDate = inspectionDate
    }
}
