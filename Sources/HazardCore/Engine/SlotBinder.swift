/// The one way answers reach a checklist's slots. Readers feed it one answer at a time: the
/// RPC server straight from a request's bytes (`hazard.grade`, no tree), and
/// `bind(_: AnswerInput)` from a decoded tree (YAML files, JSON), as do typed `Answers`.
///
/// Its methods bind only answers that fit plainly: a value of the question's own type, in
/// bounds, an option or id spelt with exactly its bytes, each record field once. For anything
/// else a method returns false, storing nothing. The byte reader then binds the whole request
/// again from its tree; the tree reader reads the declined answer leniently
/// (`Checklist.read`), binds the value through the same methods, and words what still does
/// not fit (`Checklist.check`). So every path stores through the same code, and
/// `SlotBinderTests` and the RPC equivalence tests hold their evaluations and errors equal.
package struct SlotBinder: Sendable {
    package let checklist: Checklist
    var slots: AnswerSlots
    /// Per question: answered already (a repeated JSON key keeps its first value).
    private var claimed: [Bool]
    /// The question after the last one named: clients usually send answers in order.
    private var expected = 0
    // The list answer being read, between `beginList` and `endList` (question -1: none).
    // Plain stored properties, so writing a cell mutates its table in place.
    private var listQuestion = -1
    private var listWidth = 0
    private var listRows = 0
    private var listNumbers: [Double] = []
    private var listTexts: [String?] = []
    /// Fields the current record has named, one bit each.
    private var rowFields: UInt64 = 0
    private var row = -1

    package init(_ checklist: Checklist, inspectionDate: Day?) {
        self.checklist = checklist
        slots = checklist.makeSlots(inspectionDate)
        claimed = [Bool].filled(with: false, count: checklist.questions.count)
    }

    /// The number of the question whose id is exactly `key`; nil when there is none.
    package mutating func question(utf8 key: UnsafeBufferPointer<UInt8>) -> Int? {
        let index: Int
        if expected < checklist.questionKeys.count, checklist.questionKeys.matches(expected, key) {
            index = expected
        } else if let found = checklist.questionKeys.index(of: key) {
            index = found
        } else {
            return nil
        }
        expected = index + 1
        return index
    }

    /// Takes question `index` for the answer being read; false when an earlier member
    /// answered it already, and this one is to be skipped.
    package mutating func claim(_ index: Int) -> Bool {
        guard !claimed[index] else { return false }
        claimed[index] = true
        return true
    }

    package mutating func bind(_ index: Int, bool: Bool) -> Bool {
        checklist.binding[index].store(bool: bool, at: checklist.binding[index].slot, numbers: &slots.numbers)
    }

    package mutating func bind(_ index: Int, number: Double) -> Bool {
        checklist.binding[index].store(number: number, at: checklist.binding[index].slot, numbers: &slots.numbers)
    }

    /// A number not written as a 64-bit integer (fraction, exponent, or too large): bound like
    /// any number except to an `integer` question, which it never fits (the general path
    /// refuses it, see `AnswerInput.Kind.decimal`).
    package mutating func bind(_ index: Int, decimal number: Double) -> Bool {
        guard checklist.binding[index].kind != .integer else { return false }
        return bind(index, number: number)
    }

    /// A string answer (enum option, text or date), given as its UTF-8 text.
    package mutating func bind(_ index: Int, utf8 text: UnsafeBufferPointer<UInt8>) -> Bool {
        checklist.binding[index].store(utf8: text, options: checklist.optionKeys[index], at: checklist.binding[index].slot,
                                       numbers: &slots.numbers, texts: &slots.texts)
    }

    // MARK: Lists of records

    /// Starts the list answer to question `index`, of `rows` records; false when the question
    /// is not a list.
    package mutating func beginList(_ index: Int, rows: Int) -> Bool {
        guard checklist.binding[index].kind == .list, listQuestion < 0 else { return false }
        let width = checklist.listBindings[index].bindings.count
        // Duplicate fields are caught with one bit per field.
        guard width <= 64 else { return false }
        listQuestion = index
        listWidth = width
        listRows = rows
        listNumbers = [Double].filled(with: .nan, count: rows * width)
        listTexts = [String?].filled(with: nil, count: rows * width)
        row = -1
        return true
    }

    /// Starts the current list's next record (the first, after `beginList`).
    package mutating func beginRecord() {
        row += 1
        rowFields = 0
    }

    /// The number of the current list's field named exactly `key`, nil when there is none.
    package func field(utf8 key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard listQuestion >= 0 else { return nil }
        return checklist.listBindings[listQuestion].keys.index(of: key)
    }

    /// Claims `field` in the current record; false when the record named it already.
    package mutating func claimField(_ field: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(field)
        guard rowFields & bit == 0 else { return false }
        rowFields |= bit
        return true
    }

    package mutating func bindField(_ field: Int, bool: Bool) -> Bool {
        guard let at = cell(field) else { return false }
        return checklist.listBindings[listQuestion].bindings[field].store(bool: bool, at: at, numbers: &listNumbers)
    }

    package mutating func bindField(_ field: Int, number: Double) -> Bool {
        guard let at = cell(field) else { return false }
        return checklist.listBindings[listQuestion].bindings[field].store(number: number, at: at, numbers: &listNumbers)
    }

    /// As `bind(_:decimal:)`, for a field of the current record.
    package mutating func bindField(_ field: Int, decimal number: Double) -> Bool {
        guard listQuestion >= 0, checklist.listBindings[listQuestion].bindings[field].kind != .integer else { return false }
        return bindField(field, number: number)
    }

    package mutating func bindField(_ field: Int, utf8 text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = cell(field) else { return false }
        return checklist.listBindings[listQuestion].bindings[field].store(utf8: text, options: checklist.listBindings[listQuestion].optionKeys[field],
                                                                         at: at, numbers: &listNumbers, texts: &listTexts)
    }

    /// Drops the list being read, storing nothing: a record did not fit.
    mutating func abandonList() {
        listQuestion = -1
        listNumbers = []
        listTexts = []
    }

    /// Stores the current list's table in its question's slot.
    package mutating func endList() {
        guard listQuestion >= 0 else { return }
        let slot = checklist.binding[listQuestion].slot
        slots.lists[slot] = RecordTable(count: listRows, fieldCount: listWidth, numbers: listNumbers, texts: listTexts)
        slots.numbers[slot] = 0
        listQuestion = -1
        listNumbers = []
        listTexts = []
    }

    /// Where `field` of the current record lies in the list's table.
    private func cell(_ field: Int) -> Int? {
        guard listQuestion >= 0, row >= 0, row < listRows else { return nil }
        return row * listWidth + checklist.listBindings[listQuestion].bindings[field].slot
    }

    // MARK: Typed values

    /// A typed value (an answer read leniently from a tree, or given as `Answers`); false
    /// when it does not fit, storing nothing.
    mutating func bind(_ index: Int, value: Value) -> Bool {
        switch value {
        case .bool(let b): return bind(index, bool: b)
        case .number(let n): return bind(index, number: n)
        case .string(var s): return s.withUTF8 { bind(index, utf8: $0) }
        case .date(let day):
            return checklist.binding[index].store(day: day, at: checklist.binding[index].slot, numbers: &slots.numbers)
        case .list(let records):
            guard beginList(index, rows: records.count) else { return false }
            for record in records {
                beginRecord()
                for entry in record.sortedFields {
                    var name = entry.name
                    guard let f = name.withUTF8({ field(utf8: $0) }), claimField(f), bindField(f, value: entry.value) else {
                        abandonList()
                        return false
                    }
                }
            }
            endList()
            return true
        }
    }

    /// As `bind(_:value:)`, for a field of the current record (never a list).
    mutating func bindField(_ field: Int, value: Value) -> Bool {
        switch value {
        case .bool(let b): return bindField(field, bool: b)
        case .number(let n): return bindField(field, number: n)
        case .string(var s): return s.withUTF8 { bindField(field, utf8: $0) }
        case .date(let day):
            guard let at = cell(field) else { return false }
            return checklist.listBindings[listQuestion].bindings[field].store(day: day, at: at, numbers: &listNumbers)
        case .list: return false
        }
    }

    // MARK: Finishing

    /// The answers bound, as values read back from the slots.
    func values() -> [QuestionID: Value] {
        var values: [QuestionID: Value] = [:]
        for index in claimed.indices where claimed[index] {
            if let value = slots.value(of: index, in: checklist) { values[checklist.questions[index].id] = value }
        }
        return values
    }

    /// The bound slots, and the answers as values when the checklist's plugin needs them
    /// (read back from the slots: what `Checklist.bind` would have collected).
    func finish() -> (slots: AnswerSlots, answers: Answers?) {
        guard checklist.hasPlugin else { return (slots, nil) }
        return (slots, Answers(values(), inspectionDate: slots.inspectionDate))
    }
}
