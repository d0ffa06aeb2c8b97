extension Checklist {
    /// Reads untyped answers (a YAML mapping or decoded JSON object) as typed values,
    /// checking each against its question.
    ///
    /// - Throws: `AnswerError` listing every answer that does not fit.
    public func answers(from input: AnswerInput, inspectionDate: Day? = nil) throws(AnswerError) -> Answers {
        // Bound as grading binds them, then read back: the values are what grading sees.
        var binder = SlotBinder(self, inspectionDate: inspectionDate)
        try binder.bind(input)
        return Answers(binder.values(), inspectionDate: inspectionDate)
    }

    /// Checks typed answers against the questions and numbers them into slots.
    ///
    /// - Throws: `AnswerError` listing every answer that does not fit.
    package func bind(_ answers: Answers) throws(AnswerError) -> AnswerSlots {
        var binder = SlotBinder(self, inspectionDate: answers.inspectionDate)
        try binder.bind(answers)
        return binder.slots
    }

    // MARK: Reading untyped input

    static func read(_ raw: AnswerInput, as question: Question, path: String, issues: inout [AnswerError.Issue]) -> Value? {
        func fail(_ code: AnswerError.Issue.Code, _ message: String) -> Value? {
            issues.append(.init(code: code, path: path, message: message, mark: raw.mark?.description))
            return nil
        }
        if case .null = raw.kind { return nil }
        switch question.kind {
        case .boolean:
            switch raw.kind {
            case .bool(let b): return .bool(b)
            case .plain("true"), .plain("True"), .plain("TRUE"): return .bool(true)
            case .plain("false"), .plain("False"), .plain("FALSE"): return .bool(false)
            default: return fail(.wrongType, "expected true or false (\(question.label)), got \(raw.summary)")
            }
        case .number, .integer:
            let number: Double?
            // An integer answer is written as one: `100`, not `1e2` or `100.0`, and within 64 bits.
            let notWrittenAsInteger = "expected a whole number written without fraction or exponent, within ±9223372036854775807 (\(question.label)), got \(raw.summary)"
            switch raw.kind {
            case .number(let n): number = n
            case .decimal(let n):
                if question.kind == .integer { return fail(.notAnInteger, notWrittenAsInteger) }
                number = n
            case .plain(let text):
                number = Double(text).flatMap { $0.isFinite ? $0 : nil }
                if question.kind == .integer, number != nil, Int64(text) == nil { return fail(.notAnInteger, notWrittenAsInteger) }
            default: number = nil
            }
            guard let number else {
                return fail(.wrongType, "expected a number\(question.unit.map { " in \($0)" } ?? "") (\(question.label)), got \(raw.summary)")
            }
            return .number(number)
        case .enum:
            switch raw.kind {
            case .string(let s), .plain(let s): return .string(s)
            default: return fail(.wrongType, "expected one of \(question.options.map(\.value).joined(separator: ", ")), got \(raw.summary)")
            }
        case .date:
            switch raw.kind {
            case .string(let s), .plain(let s):
                guard let day = Day(iso: s) else { return fail(.invalidDate, "expected a date YYYY-MM-DD, got \(raw.summary)") }
                return .date(day)
            default: return fail(.wrongType, "expected a date YYYY-MM-DD, got \(raw.summary)")
            }
        case .text:
            switch raw.kind {
            case .string(let s), .plain(let s): return .string(s)
            case .number(let n), .decimal(let n): return .string(Value.format(n))
            default: return fail(.wrongType, "expected text, got \(raw.summary)")
            }
        case .list:
            guard case .sequence(let items) = raw.kind else {
                return fail(.wrongType, "expected a list of records with fields \(question.fields.map(\.id.rawValue).joined(separator: ", ")), got \(raw.summary)")
            }
            var records: [Record] = []
            for (index, item) in items.enumerated() {
                guard case .mapping(let pairs) = item.kind else {
                    issues.append(.init(code: .wrongType, path: "\(path)[\(index)]", message: "expected a record (mapping), got \(item.summary)", mark: item.mark?.description))
                    continue
                }
                var fields: [String: Value] = [:]
                for (key, rawField) in pairs {
                    guard let field = question.fields.first(where: { $0.id.rawValue == key }) else {
                        issues.append(.init(code: .unknownField, path: "\(path)[\(index)].\(key)",
                                            message: "no such field\(Suggestion.hint(for: key, in: question.fields.map(\.id.rawValue)))", mark: rawField.mark?.description))
                        continue
                    }
                    if let value = read(rawField, as: field, path: "\(path)[\(index)].\(key)", issues: &issues) { fields[key] = value }
                }
                records.append(Record(fields))
            }
            return .list(records)
        }
    }

    // MARK: Checking typed values

    /// The words for a value of the wrong kind (what `check` says of one).
    static func mismatch(_ value: Value, _ question: Question, path: String) -> [AnswerError.Issue] {
        [.init(code: .wrongType, path: path, message: "expected \(question.valueType.phrase) (\(question.label)), got \(value)", mark: nil)]
    }


    static func check(_ value: Value, against question: Question, path: String) -> [AnswerError.Issue]? {
        func issue(_ code: AnswerError.Issue.Code, _ message: String) -> [AnswerError.Issue] {
            [.init(code: code, path: path, message: message, mark: nil)]
        }
        switch (question.kind, value) {
        case (.boolean, .bool), (.date, .date), (.text, .string):
            return nil
        case (.number, .number(let n)), (.integer, .number(let n)):
            guard n.isFinite else { return issue(.wrongType, "expected a finite number, got \(Value.format(n))") }
            if question.kind == .integer, n != n.rounded() || Int64(exactly: n) == nil {
                return issue(.notAnInteger, "expected a whole number within ±9223372036854775807, got \(Value.format(n))")
            }
            let unit = question.unit.map { " \($0)" } ?? ""
            if let min = question.min, n < min { return issue(.outOfBounds, "\(Value.format(n))\(unit) is below the minimum \(Value.format(min))\(unit)") }
            if let max = question.max, n > max { return issue(.outOfBounds, "\(Value.format(n))\(unit) is above the maximum \(Value.format(max))\(unit)") }
            return nil
        case (.enum, .string(let s)):
            let options = question.options.map(\.value)
            return options.contains(s) ? nil : issue(.notAnOption, "'\(s)' is not one of \(options.joined(separator: ", "))\(Suggestion.hint(for: s, in: options))")
        case (.list, .list(let records)):
            var issues: [AnswerError.Issue] = []
            for (index, record) in records.enumerated() {
                for entry in record.sortedFields {
                    let key = entry.name, fieldValue = entry.value
                    let fieldPath = "\(path)[\(index)].\(key)"
                    guard let field = question.fields.first(where: { $0.id.rawValue == key }) else {
                        issues.append(.init(code: .unknownField, path: fieldPath, message: "no such field\(Suggestion.hint(for: key, in: question.fields.map(\.id.rawValue)))", mark: nil))
                        continue
                    }
                    issues += check(fieldValue, against: field, path: fieldPath) ?? []
                }
            }
            return issues.isEmpty ? nil : issues
        default:
            return mismatch(value, question, path: path)
        }
    }
}
