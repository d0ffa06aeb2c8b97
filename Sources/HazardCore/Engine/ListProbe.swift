/// A list function (`any`, `all`, `count`) in a criterion's conditions, kept to explain a
/// finding: which records of the list decided it (`MatchedRow`).
///
/// `Program.run` never runs a probe: grading stops at the first record that settles `any` or
/// `all`. Building findings runs the same row condition over every record, so the report can
/// name them all — a cost paid only by findings that show a list answer.
struct ListProbe: Sendable {
    let function: MatchedRow.Function
    let question: QuestionID
    let slot: Int
    let fieldCount: Int
    /// The row condition, compiled as the function's own (reads the record through the frame).
    let condition: TruthNode
    /// The fields shown for a record (`MatchedRow.record`), in field-name order, as
    /// `Record(sorted:)` takes them.
    let shownIDs: [String]
    let shownBindings: [SlotBinding]

    init(function: MatchedRow.Function, question: QuestionID, slot: Int, fields: [Question], read: [String], condition: @escaping TruthNode) {
        self.function = function
        self.question = question
        self.slot = slot
        fieldCount = fields.count
        self.condition = condition
        // The first text field names the record (装置名称, 位号); the fields read say why it matched.
        var shown = Set(read)
        if let name = fields.first(where: { $0.kind == .text }) { shown.insert(name.id.rawValue) }
        let picked = fields.filter { shown.contains($0.id.rawValue) }.sorted { $0.id.rawValue < $1.id.rawValue }
        shownIDs = picked.map(\.id.rawValue)
        shownBindings = picked.map(SlotBinding.init)
    }

    /// The records that decided this function over `slots` (statuses: the graded criteria, for
    /// conditions that read `finding()`); nil when the list is unanswered.
    func rows(_ slots: AnswerSlots, statuses: [UInt8]) -> [MatchedRow]? {
        guard slot < slots.lists.count, let table = slots.lists[slot] else { return nil }
        var rows: [MatchedRow] = []
        guard table.count > 0 else { return rows }
        let today = slots.inspectionDate.map { Double($0.daysSinceEpoch) } ?? .nan
        slots.numbers.withUnsafeBufferPointer { numbers in
            slots.texts.withUnsafeBufferPointer { texts in
                slots.lists.withUnsafeBufferPointer { lists in
                    statuses.withUnsafeBufferPointer { codes in
                        table.numbers.withUnsafeBufferPointer { recordNumbers in
                            table.texts.withUnsafeBufferPointer { recordTexts in
                                guard let n = numbers.baseAddress, let t = texts.baseAddress, let l = lists.baseAddress, let s = codes.baseAddress,
                                      let rn = recordNumbers.baseAddress, let rt = recordTexts.baseAddress else { return }
                                var frame = Frame(numbers: n, texts: t, lists: l, statuses: s, today: today)
                                for row in 0..<table.count {
                                    frame.recordNumbers = rn + row * fieldCount
                                    frame.recordTexts = rt + row * fieldCount
                                    let outcome: MatchedRow.Outcome
                                    switch condition(frame) {
                                    case .yes: outcome = .matched
                                    case .no: outcome = .unmatched
                                    case .unknown: outcome = .undecided
                                    }
                                    guard outcome == .undecided || (outcome == .matched) == (function != .all) else { continue }
                                    rows.append(MatchedRow(function: function, index: row, outcome: outcome, record: record(table, row)))
                                }
                            }
                        }
                    }
                }
            }
        }
        return rows
    }

    private func record(_ table: RecordTable, _ row: Int) -> Record {
        var fields: [Record.Field] = []
        fields.reserveCapacity(shownIDs.count)
        for (i, binding) in shownBindings.enumerated() {
            let k = row * table.fieldCount + binding.slot
            if let value = AnswerSlots.scalar(binding, number: table.numbers[k], text: table.texts[k]) {
                fields.append(Record.Field(name: shownIDs[i], value: value))
            }
        }
        return Record(sorted: fields)
    }
}
