extension Checklist {
    /// Reads a decoded answers object (JSON over RPC, YAML from a file) straight into slots
    /// in one pass: no intermediate dictionary unless the checklist's plugin needs `Answers`.
    ///
    /// - Throws: `AnswerError` listing every answer that does not fit.
    public func bind(_ input: AnswerInput, inspectionDate: Day? = nil) throws(AnswerError) -> (slots: AnswerSlots, answers: Answers?) {
        var slots = makeSlots(inspectionDate)
        var issues: [AnswerError.Issue] = []
        var values: [QuestionID: Value]? = plugin == nil ? nil : [:]
        switch input.kind {
        case .null:
            break
        case .mapping(let pairs):
            var expected = 0
            for pair in pairs {
                // Clients usually send answers in question order: try the next question
                // before hashing the key.
                let index: Int
                if expected < questions.count, questions[expected].id.rawValue == pair.key {
                    index = expected
                } else if let found = questionIndex[QuestionID(pair.key)] {
                    index = found
                } else {
                    issues.append(.init(code: .unknownQuestion, path: pair.key,
                                        message: "no such question in \(id)\(Suggestion.hint(for: pair.key, in: questions.map(\.id.rawValue)))",
                                        mark: pair.value.mark?.description))
                    continue
                }
                expected = index + 1
                if values == nil, binding[index].kind != .list {
                    if case .null = pair.value.kind { continue }
                    if Self.storeFast(pair.value.kind, binding[index], into: &slots) { continue }
                }
                let question = questions[index]
                // The general path: typed value, checked, then stored.
                guard let value = Self.read(pair.value, as: question, path: pair.key, issues: &issues) else { continue }
                if let problems = Self.check(value, against: question, path: pair.key) {
                    issues += problems.map { var p = $0; p.mark = p.mark ?? pair.value.mark?.description; return p }
                    continue
                }
                Self.store(value, of: question, at: question.slot, numbers: &slots.numbers, known: &slots.known, texts: &slots.texts)
                if case .list(let records) = value { slots.lists[question.slot] = Self.table(records, fields: question.fields) }
                values?[question.id] = value
            }
        default:
            issues.append(.init(code: .wrongType, path: "answers", message: "answers must be a mapping of question id to answer, not \(input.summary)", mark: input.mark?.description))
        }
        guard issues.isEmpty else { throw AnswerError(checklist: id, issues: issues) }
        return (slots, values.map { Answers($0, inspectionDate: inspectionDate) })
    }

    /// Stores an already well-typed scalar that passes its checks; false sends it down the
    /// general path (which produces the error message when it does not fit).
    @inline(__always)
    static func storeFast(_ raw: AnswerInput.Kind, _ binding: SlotBinding, into slots: inout AnswerSlots) -> Bool {
        let slot = binding.slot
        switch (binding.kind, raw) {
        case (.boolean, .bool(let b)):
            slots.numbers[slot] = b ? 1 : 0
        case (.number, .number(let n)), (.integer, .number(let n)):
            guard n.isFinite, n >= binding.min, n <= binding.max, binding.kind == .number || n == n.rounded() else { return false }
            slots.numbers[slot] = n
        case (.enum, .string(let s)):
            guard let index = binding.options.firstIndex(of: s) else { return false }
            slots.numbers[slot] = Double(index)
        case (.text, .string(let s)):
            slots.texts[slot] = s
        default:
            return false
        }
        slots.known[slot] = true
        return true
    }
}

extension AnswerSlots {
    /// The answer in `question`'s slot as a plain value (for evidence), nil when unanswered.
    func value(of question: Question) -> Value? {
        let slot = question.slot
        if question.kind == .list {
            guard let table = lists[slot] else { return nil }
            return .list((0..<table.count).map { row in
                var fields: [String: Value] = [:]
                for field in question.fields {
                    let k = row * table.fieldCount + field.slot
                    guard table.known[k] else { continue }
                    fields[field.id.rawValue] = Self.scalar(field, number: table.numbers[k], text: table.texts[k])
                }
                return Record(fields)
            })
        }
        guard known[slot] else { return nil }
        return Self.scalar(question, number: numbers[slot], text: slot < texts.count ? texts[slot] : nil)
    }

    static func scalar(_ question: Question, number: Double, text: String?) -> Value? {
        switch question.kind {
        case .boolean: return .bool(number != 0)
        case .number, .integer: return .number(number)
        case .date: return .date(Day(daysSinceEpoch: Int(number)))
        case .enum:
            let index = Int(number)
            return question.options.indices.contains(index) ? .string(question.options[index].value) : nil
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
