/// A finished inspection replayed through `InspectionGuide` as `hazard inspect` runs it: ask
/// the first open question, answer it from the full answers, skip it when they leave it
/// unanswered, until no open question is left. Shows how many questions guidance asks to
/// reach the findings of the full answers (the README's table, the tests, the benchmark).
public struct InspectionReplay: Sendable {
    public let checklist: Checklist
    public let full: Answers
    /// Questions asked, in order (skips included).
    public private(set) var asked: [QuestionID] = []
    /// The answers given when no open question was left.
    public private(set) var final: Answers
    /// Answers and skips before each question, then at the end: what each `inspection.next` saw.
    public private(set) var states: [(answers: Answers, skipped: Set<QuestionID>)] = []

    /// - Throws: `AnswerError` when the full answers do not fit the checklist.
    public init(checklist: Checklist, full: Answers) throws(AnswerError) {
        self.checklist = checklist
        self.full = full
        let guide = InspectionGuide(checklist)
        var answers = Answers(inspectionDate: full.inspectionDate)
        var skipped: Set<QuestionID> = []
        while true {
            states.append((answers, skipped))
            guard let q = try guide.next(answers, skipped: skipped).openQuestions.first else { break }
            let id = checklist.questions[q].id
            asked.append(id)
            if let value = full[id] { answers[id] = value } else { skipped.insert(id) }
        }
        final = answers
    }

    /// Criteria whose finding differs between the guided answers and the full ones, as
    /// `id: guided status ≠ full status`; empty when guidance reached the same findings.
    ///
    /// - Throws: `AnswerError` when the plugin rejects an answer.
    public func differences() throws(AnswerError) -> [String] {
        let guided = try Engine.evaluate(checklist, final), complete = try Engine.evaluate(checklist, full)
        return zip(guided.findings, complete.findings).compactMap { g, c in
            g.status == c.status ? nil : "\(g.criterion): guided \(g.status.rawValue) ≠ full \(c.status.rawValue)"
        }
    }
}
