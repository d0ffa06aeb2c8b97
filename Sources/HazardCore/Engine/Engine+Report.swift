extension Engine {
    /// Turns decided statuses into findings with evidence, counts, scores and the rating.
    ///
    /// Score (documented in the README): 100 × Σ weight of compliant criteria ÷ Σ weight of
    /// compliant, major and general ones — not-applicable and unanswered criteria do not count,
    /// and the score is nil when nothing counts. Completeness: decided ÷ (decided + unanswered).
    static func report(_ checklist: Checklist, _ slots: AnswerSlots, statuses: [UInt8], facts: [String: Value], warnings: [String]) -> Evaluation {
        var findings: [Finding] = []
        findings.reserveCapacity(checklist.criteria.count)
        var counts = Evaluation.Counts()
        var sectionCounts: [String: Evaluation.Counts] = [:]
        var sectionWeights: [String: (pass: Double, all: Double)] = [:]
        var pass = 0.0, all = 0.0
        let statusByID = Dictionary(uniqueKeysWithValues: checklist.criteria.enumerated().map { ($1.id, FindingStatus(code: statuses[$0])) })
        // Each answer is turned back into a value once, however many criteria read it.
        var answerValues = [Value??](repeating: .none, count: checklist.questions.count)
        func answerValue(_ question: Question) -> Value? {
            if let cached = answerValues[question.slot] { return cached }
            let value = slots.value(of: question)
            answerValues[question.slot] = .some(value)
            return value
        }

        for (index, criterion) in checklist.criteria.enumerated() {
            let status = FindingStatus(code: statuses[index])
            counts.add(status)
            if criterion.isManual { counts.manual += 1 }
            let section = criterion.section ?? ""
            sectionCounts[section, default: .init()].add(status)
            if status == .compliant || status.isHazard {
                all += criterion.weight
                sectionWeights[section, default: (0, 0)].all += criterion.weight
                if status == .compliant {
                    pass += criterion.weight
                    sectionWeights[section, default: (0, 0)].pass += criterion.weight
                }
            }
            let evidence = criterion.inputs.map { source -> Evidence in
                switch source {
                case .question(let id):
                    let question = checklist.question(id)
                    return Evidence(kind: .answer, name: id.rawValue, label: question?.label, value: question.flatMap(answerValue), unit: question?.unit)
                case .fact(let name):
                    return Evidence(kind: .fact, name: name.rawValue, label: nil, value: facts[name.rawValue], unit: nil)
                case .finding(let id):
                    return Evidence(kind: .finding, name: id.rawValue, label: nil, value: statusByID[id].map { .string($0.rawValue) }, unit: nil)
                }
            }
            findings.append(Finding(criterion: criterion.id, clause: criterion.clause, title: criterion.title, section: criterion.section,
                                    grade: criterion.grade, status: status, weight: criterion.weight, isManual: criterion.isManual,
                                    evidence: evidence, advice: criterion.advice, note: criterion.note))
        }

        let score: Double? = all > 0 ? (100 * pass / all) : nil
        let decided = counts.major + counts.general + counts.compliant
        let completeness: Double? = decided + counts.unanswered > 0 ? Double(decided) / Double(decided + counts.unanswered) : nil
        let sections = checklist.sections.map { section -> Evaluation.SectionResult in
            let weights = sectionWeights[section.id]
            return .init(id: section.id, title: section.title, counts: sectionCounts[section.id] ?? .init(),
                         score: weights.flatMap { $0.all > 0 ? 100 * $0.pass / $0.all : nil })
        }

        var allWarnings = warnings
        if let date = slots.inspectionDate {
            if let until = checklist.standard.validUntil, date > until {
                let successor = checklist.standard.supersededBy.map { "; it was replaced by \($0)" } ?? ""
                allWarnings.append("inspection date \(date) is after \(until), the last day \(checklist.standard.code) was in force\(successor)")
            }
            if date < checklist.standard.effective {
                allWarnings.append("inspection date \(date) is before \(checklist.standard.effective), when \(checklist.standard.code) took effect")
            }
        }

        return Evaluation(
            checklist: .init(id: checklist.id, version: checklist.version, sha256: checklist.sha256,
                             standard: checklist.standard.code, title: checklist.title),
            inspectionDate: slots.inspectionDate, findings: findings, counts: counts, score: score,
            completeness: completeness, rating: Rating(counts: counts, score: score), sections: sections,
            facts: facts, warnings: allWarnings)
    }
}
