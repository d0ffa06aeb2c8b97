/// Answers and facts in the engine's typed form: one slot per question, then one per
/// plugin fact, as the compiled checklist numbered them. Conditions read slots by index,
/// so evaluation does no dictionary lookups.
package struct AnswerSlots: Sendable {
    /// One value per slot: booleans 0/1, numbers, dates as epoch days, enums as option
    /// index; NaN when unanswered (answers are always finite). Text and list slots hold 0
    /// when answered, their content living in `texts`/`lists`.
    var numbers: [Double]
    var texts: [String?]
    var lists: [RecordTable?]
    package var inspectionDate: Day?

    /// `count` slots plus one spare, so no buffer is ever empty. Text and list slots are
    /// allocated only for checklists that have such questions.
    init(count: Int, inspectionDate: Day?, texts hasTexts: Bool = true, lists hasLists: Bool = true) {
        numbers = [Double].filled(with: .nan, count: count + 1)
        texts = [String?].filled(with: nil, count: hasTexts ? count + 1 : 1)
        lists = [RecordTable?].filled(with: nil, count: hasLists ? count + 1 : 1)
        self.inspectionDate = inspectionDate
    }
}
