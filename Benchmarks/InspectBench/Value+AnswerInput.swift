import HazardCore

extension Value {
    /// The answer as a decoded answers object holds it (what `inspection.next` reads).
    var answerInput: AnswerInput {
        switch self {
        case .bool(let b): return AnswerInput(.bool(b))
        case .number(let n): return AnswerInput(n == n.rounded() && abs(n) < 1e15 ? .number(n) : .decimal(n))
        case .string(let s): return AnswerInput(.string(s))
        case .date(let d): return AnswerInput(.string(d.description))
        case .list(let records):
            return AnswerInput(.sequence(records.map { record in
                AnswerInput(.mapping(record.sortedFields.map { (key: $0.name, value: $0.value.answerInput) }))
            }))
        }
    }
}

extension Answers {
    /// As a decoded answers object, skipped questions given as null.
    func input(skipped: Set<QuestionID>, order: [Question]) -> AnswerInput {
        var pairs: [(key: String, value: AnswerInput)] = []
        for question in order {
            if let value = values[question.id] { pairs.append((question.id.rawValue, value.answerInput)) }
            else if skipped.contains(question.id) { pairs.append((question.id.rawValue, AnswerInput(.null))) }
        }
        return AnswerInput(.mapping(pairs))
    }
}
