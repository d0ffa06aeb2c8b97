extension SlotBinder {
    /// Binds a decoded answers object (a YAML mapping, a JSON tree) through the methods a
    /// byte reader calls. An answer they decline is read leniently (`Checklist.read`: YAML's
    /// plain scalars, a number for a text question), bound as a value through the same
    /// methods, and what still does not fit is worded (`Checklist.check`).
    ///
    /// - Throws: `AnswerError` listing every answer that does not fit.
    package mutating func bind(_ input: AnswerInput) throws(AnswerError) {
        var issues: [AnswerError.Issue] = []
        switch input.kind {
        case .null:
            break
        case .mapping(let pairs):
            for (key, raw) in pairs {
                var name = key
                guard let index = name.withUTF8({ question(utf8: $0) }) else {
                    issues.append(.init(code: .unknownQuestion, path: key,
                                        message: "no such question in \(checklist.id)\(Suggestion.hint(for: key, in: checklist.questionIDs))",
                                        mark: raw.mark?.description))
                    continue
                }
                // A repeated key (JSON allows them) keeps its first answer, as JSON lookups do.
                guard claim(index) else { continue }
                if bindPlainly(index, raw) { continue }
                let asked = checklist.questions[index]
                guard let value = Checklist.read(raw, as: asked, path: key, issues: &issues) else { continue }
                if bind(index, value: value) { continue }
                let problems = Checklist.check(value, against: asked, path: key) ?? Checklist.mismatch(value, asked, path: key)
                issues += problems.map { var p = $0; p.mark = p.mark ?? raw.mark?.description; return p }
            }
        default:
            issues.append(.init(code: .wrongType, path: "answers", message: "answers must be a mapping of question id to answer, not \(input.summary)",
                                mark: input.mark?.description))
        }
        guard issues.isEmpty else { throw AnswerError(checklist: checklist.id, issues: issues) }
    }

    /// Binds typed answers, wording each that does not fit.
    ///
    /// - Throws: `AnswerError` listing every answer that does not fit.
    package mutating func bind(_ answers: Answers) throws(AnswerError) {
        var issues: [AnswerError.Issue] = []
        for (id, value) in answers.values {
            guard let index = checklist.questionIndex[id] else {
                issues.append(.init(code: .unknownQuestion, path: id.rawValue,
                                    message: "no such question in \(checklist.id)\(Suggestion.hint(for: id.rawValue, in: checklist.questionIDs))", mark: nil))
                continue
            }
            guard claim(index), !bind(index, value: value) else { continue }
            let asked = checklist.questions[index]
            issues += Checklist.check(value, against: asked, path: id.rawValue) ?? Checklist.mismatch(value, asked, path: id.rawValue)
        }
        guard issues.isEmpty else { throw AnswerError(checklist: checklist.id, issues: issues) }
    }

    /// An answer as a byte reader would bind it: false when one part does not fit plainly,
    /// with nothing stored.
    private mutating func bindPlainly(_ index: Int, _ raw: AnswerInput) -> Bool {
        switch raw.kind {
        case .null: return true
        case .bool(let b): return bind(index, bool: b)
        case .number(let n): return bind(index, number: n)
        case .decimal(let n): return bind(index, decimal: n)
        // A plain YAML scalar is text as written to an option, text or date question (as
        // `Checklist.read` takes it); to others it declines, and is read leniently.
        case .string(var s), .plain(var s): return s.withUTF8 { bind(index, utf8: $0) }
        case .sequence(let items):
            guard beginList(index, rows: items.count) else { return false }
            for item in items {
                guard case .mapping(let fields) = item.kind else {
                    abandonList()
                    return false
                }
                beginRecord()
                for (key, field) in fields {
                    var name = key
                    guard let f = name.withUTF8({ self.field(utf8: $0) }), claimField(f), bindFieldPlainly(f, field) else {
                        abandonList()
                        return false
                    }
                }
            }
            endList()
            return true
        case .mapping: return false
        }
    }

    private mutating func bindFieldPlainly(_ field: Int, _ raw: AnswerInput) -> Bool {
        switch raw.kind {
        case .null: return true
        case .bool(let b): return bindField(field, bool: b)
        case .number(let n): return bindField(field, number: n)
        case .decimal(let n): return bindField(field, decimal: n)
        case .string(var s), .plain(var s): return s.withUTF8 { bindField(field, utf8: $0) }
        case .sequence, .mapping: return false
        }
    }
}
