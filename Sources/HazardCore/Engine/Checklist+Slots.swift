extension Checklist {
    /// Reads a decoded answers object (JSON over RPC, YAML from a file) straight into slots
    /// in one pass: no intermediate dictionary unless the checklist's plugin needs `Answers`.
    ///
    /// - Throws: `AnswerError` listing every answer that does not fit.
    public func bind(_ input: AnswerInput, inspectionDate: Day? = nil) throws(AnswerError) -> (slots: AnswerSlots, answers: Answers?) {
        var slots = makeSlots(inspectionDate)
        var issues: [AnswerError.Issue] = []
        var values: [QuestionID: Value]? = hasPlugin ? [:] : nil
        switch input.kind {
        case .null:
            break
        case .mapping(let pairs):
            // Read keys and answer kinds in place: reading them out of the array of (key,
            // answer) tuples copied each whole pair, marks included, at every access; two
            // projected arrays cost their allocation and teardown instead.
            var expected = 0
            // A repeated key (JSON allows them) keeps its first answer, as JSON lookups do.
            var bound = [Bool](repeating: false, count: questions.count)
            pairs.withUnsafeBufferPointer { pairs in
                for i in pairs.indices {
                    let key = pairs[i].key, kind = pairs[i].value.kind
                    // Clients usually send answers in question order: try the next question
                    // before hashing the key.
                    let index: Int
                    if expected < questionIDs.count, questionIDs[expected] == key {
                        index = expected
                    } else if let found = questionIndex[QuestionID(key)] {
                        index = found
                    } else {
                        issues.append(.init(code: .unknownQuestion, path: key,
                                            message: "no such question in \(id)\(Suggestion.hint(for: key, in: questions.map(\.id.rawValue)))",
                                            mark: pairs[i].value.mark?.description))
                        continue
                    }
                    expected = index + 1
                    if bound[index] { continue }
                    bound[index] = true
                    if !hasPlugin, binding[index].kind == .list, case .sequence(let items) = kind,
                       let table = Self.tableFast(items, fields: listBindings[index]) {
                        slots.lists[binding[index].slot] = table
                        slots.numbers[binding[index].slot] = 0
                        continue
                    }
                    if !hasPlugin, binding[index].kind != .list {
                        switch kind {
                        case .null: continue
                        case .bool(let b):
                            if Self.storeFast(bool: b, binding[index], into: &slots) { continue }
                        case .number(let n):
                            if Self.storeFast(number: n, binding[index], into: &slots) { continue }
                        case .decimal(let n):
                            if binding[index].kind == .number, Self.storeFast(number: n, binding[index], into: &slots) { continue }
                        case .string(let text):
                            if Self.storeFast(string: text, binding[index], into: &slots) { continue }
                        default: break
                        }
                    }
                    bindGeneral(key, pairs[i].value, question: questions[index], slots: &slots, values: &values, issues: &issues)
                }
            }
        default:
            issues.append(.init(code: .wrongType, path: "answers", message: "answers must be a mapping of question id to answer, not \(input.summary)", mark: input.mark?.description))
        }
        guard issues.isEmpty else { throw AnswerError(checklist: id, issues: issues) }
        return (slots, values.map { Answers($0, inspectionDate: inspectionDate) })
    }

    /// Builds a list answer's record table straight from the decoded records; nil when any
    /// field is unknown or does not fit, so the general path can word the error.
    static func tableFast(_ items: [AnswerInput], fields: borrowing ListBinding) -> RecordTable? {
        let width = fields.bindings.count
        var numbers = [Double](repeating: .nan, count: items.count * width)
        // Field readers index texts like numbers, so the table keeps both at full size.
        var texts = [String?](repeating: nil, count: items.count * width)
        for row in items.indices {
            guard case .mapping(let pairs) = items[row].kind else { return nil }
            for pair in pairs {
                guard let f = fields.ids.firstIndex(of: pair.key) else { return nil }
                let field = fields.bindings[f], at = row * width + field.slot
                switch (field.kind, pair.value.kind) {
                case (_, .null): continue
                case (.boolean, .bool(let b)): numbers[at] = b ? 1 : 0
                case (.number, .number(let n)), (.integer, .number(let n)), (.number, .decimal(let n)):
                    guard n.isFinite, n >= field.min, n <= field.max, field.kind == .number || Int64(exactly: n) != nil else { return nil }
                    numbers[at] = n
                case (.enum, .string(let s)):
                    guard let option = field.options.firstIndex(of: s) else { return nil }
                    numbers[at] = Double(option)
                case (.text, .string(let s)):
                    texts[at] = s
                    numbers[at] = 0
                default:
                    return nil
                }
            }
        }
        return RecordTable(count: items.count, fieldCount: width, numbers: numbers, texts: texts)
    }

    /// The general path: read as a typed value, check, store (and keep for the plugin).
    private func bindGeneral(_ key: String, _ raw: AnswerInput, question: Question, slots: inout AnswerSlots,
                             values: inout [QuestionID: Value]?, issues: inout [AnswerError.Issue]) {
        guard let value = Self.read(raw, as: question, path: key, issues: &issues) else { return }
        if let problems = Self.check(value, against: question, path: key) {
            issues += problems.map { var p = $0; p.mark = p.mark ?? raw.mark?.description; return p }
            return
        }
        Self.store(value, of: question, at: question.slot, numbers: &slots.numbers, texts: &slots.texts)
        if case .list(let records) = value { slots.lists[question.slot] = Self.table(records, fields: question.fields) }
        values?[question.id] = value
    }

    /// Stores an already well-typed scalar that passes its checks; false sends it down the
    /// general path (which produces the error message when it does not fit).
    @inline(__always)
    static func storeFast(bool b: Bool, _ binding: borrowing SlotBinding, into slots: inout AnswerSlots) -> Bool {
        guard binding.kind == .boolean else { return false }
        slots.numbers[binding.slot] = b ? 1 : 0
        return true
    }

    @inline(__always)
    static func storeFast(number n: Double, _ binding: borrowing SlotBinding, into slots: inout AnswerSlots) -> Bool {
        guard binding.kind == .number || (binding.kind == .integer && Int64(exactly: n) != nil),
              n.isFinite, n >= binding.min, n <= binding.max else { return false }
        slots.numbers[binding.slot] = n
        return true
    }

    @inline(__always)
    static func storeFast(string s: String, _ binding: borrowing SlotBinding, into slots: inout AnswerSlots) -> Bool {
        switch binding.kind {
        case .enum:
            guard let index = binding.options.firstIndex(of: s) else { return false }
            slots.numbers[binding.slot] = Double(index)
        case .text:
            slots.texts[binding.slot] = s
            slots.numbers[binding.slot] = 0
        default:
            return false
        }
        return true
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
