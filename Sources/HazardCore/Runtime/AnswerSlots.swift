/// Answers and facts in the engine's typed form: one slot per question, then one per
/// plugin fact, as the compiled checklist numbered them. Conditions read slots by index,
/// so evaluation does no dictionary lookups.
public struct AnswerSlots: Sendable {
    var numbers: [Double]
    var known: [Bool]
    var texts: [String?]
    var lists: [RecordTable?]
    public var inspectionDate: Day?

    /// `count` slots plus one spare, so no buffer is ever empty. Text and list slots are
    /// allocated only for checklists that have such questions.
    init(count: Int, inspectionDate: Day?, texts hasTexts: Bool = true, lists hasLists: Bool = true) {
        numbers = Array(repeating: 0, count: count + 1)
        known = Array(repeating: false, count: count + 1)
        texts = Array(repeating: nil, count: hasTexts ? count + 1 : 1)
        lists = Array(repeating: nil, count: hasLists ? count + 1 : 1)
        self.inspectionDate = inspectionDate
    }
}
