extension Checklist {
    /// Reads a decoded answers object (JSON over RPC, YAML from a file) straight into slots
    /// through `SlotBinder`: no intermediate dictionary unless the checklist's plugin needs
    /// `Answers`.
    ///
    /// - Throws: `AnswerError` listing every answer that does not fit.
    package func bind(_ input: AnswerInput, inspectionDate: Day? = nil) throws(AnswerError) -> (slots: AnswerSlots, answers: Answers?) {
        var binder = SlotBinder(self, inspectionDate: inspectionDate)
        try binder.bind(input)
        return binder.finish()
    }
}

extension AnswerSlots {
    /// The answer to question number `index` as a plain value (for evidence), nil when
    /// unanswered. Read through the slot bindings, without copying the `Question`.
    func value(of index: Int, in checklist: Checklist) -> Value? {
        let slot = checklist.binding[index].slot
        guard checklist.binding[index].kind == .list else {
            return Self.scalar(checklist.binding[index], number: numbers[slot], text: slot < texts.count ? texts[slot] : nil)
        }
        guard let table = lists[slot] else { return nil }
        let fields = checklist.listBindings[index]
        return .list((0..<table.count).map { row in
            var record: [Record.Field] = []
            record.reserveCapacity(fields.ids.count)
            for f in fields.sortedOrder {
                let k = row * table.fieldCount + fields.bindings[f].slot
                if let value = Self.scalar(fields.bindings[f], number: table.numbers[k], text: table.texts[k]) {
                    record.append(Record.Field(name: fields.ids[f], value: value))
                }
            }
            return Record(sorted: record)
        })
    }

    /// A scalar slot's value; nil when unanswered (NaN).
    static func scalar(_ binding: borrowing SlotBinding, number: Double, text: String?) -> Value? {
        guard !number.isNaN else { return nil }
        switch binding.kind {
        case .boolean: return .bool(number != 0)
        case .number, .integer: return .number(number)
        case .date: return .date(Day(daysSinceEpoch: Int(number)))
        case .enum:
            let option = Int(number)
            return binding.options.indices.contains(option) ? .string(binding.options[option]) : nil
        case .text: return text.map(Value.string)
        case .list: return nil
        }
    }
}

extension Checklist {
    func makeSlots(_ inspectionDate: Day?) -> AnswerSlots {
        AnswerSlots(count: program.slotCount, inspectionDate: inspectionDate, texts: hasTextSlots, lists: hasListSlots)
    }
}
