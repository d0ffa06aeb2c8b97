extension Engine {
    /// Each criterion's status and evidence values (see `FindingStates`).
    static func findingStates(_ checklist: Checklist, _ slots: AnswerSlots, statuses: [UInt8], facts: [String: Value]) -> FindingStates {
        FindingStates(checklist: checklist, slots: slots, codes: statuses, facts: facts)
    }

    /// Turns decided statuses into findings with evidence, counts, scores and the rating.
    ///
    /// Score (documented in the README): 100 × Σ weight of compliant criteria ÷ Σ weight of
    /// compliant, major and general ones — not-applicable and unanswered criteria do not count,
    /// and the score is nil when nothing counts. Completeness: decided ÷ (decided + unanswered).
    static func report(_ checklist: Checklist, _ slots: AnswerSlots, statuses: [UInt8], facts: [String: Value], warnings: [EvaluationWarning],
                       detail: Evaluation.Detail = .full) -> Evaluation {
        let plan = checklist.reportPlan
        var counts = Evaluation.Counts()
        let sectionCount = checklist.sections.count
        // One array for the three per-section sums: each array is an allocation per grading.
        var tally = [(counts: Evaluation.Counts, pass: Double, all: Double)].filled(with: (.init(), 0, 0), count: sectionCount + 1)
        var pass = 0.0, all = 0.0

        for index in plan.templates.indices {
            let status = FindingStatus(code: statuses[index])
            let weight = plan.templates[index].weight
            counts.add(status)
            if plan.templates[index].isManual { counts.manual += 1 }
            let section = plan.sectionIndex[index]
            tally[section].counts.add(status)
            if status == .compliant || status.isHazard {
                all += weight
                tally[section].all += weight
                if status == .compliant {
                    pass += weight
                    tally[section].pass += weight
                }
            }
        }
        let findings = detail == .summary ? [] : findingStates(checklist, slots, statuses: statuses, facts: facts).findings(plan.templates, detail: detail)

        let score: Double? = all > 0 ? (100 * pass / all) : nil
        let decided = counts.major + counts.general + counts.compliant
        let completeness: Double? = decided + counts.unanswered > 0 ? Double(decided) / Double(decided + counts.unanswered) : nil
        let sections = checklist.sections.enumerated().map { i, section -> Evaluation.SectionResult in
            .init(id: section.id, title: section.title, counts: tally[i].counts, score: tally[i].all > 0 ? 100 * tally[i].pass / tally[i].all : nil)
        }

        var allWarnings = warnings
        if let date = slots.inspectionDate {
            if let until = checklist.standard.validUntil, date > until {
                allWarnings.append(.superseded(checklist.standard, date: date, until: until))
            }
            if date < checklist.standard.effective {
                allWarnings.append(EvaluationWarning(.standardNotYetInForce, ["date": date.description, "effective": checklist.standard.effective.description,
                                                                              "standard": checklist.standard.code]))
            }
        } else {
            allWarnings.append(EvaluationWarning(.noInspectionDate, ["standard": checklist.standard.code]))
        }

        return Evaluation(
            checklist: .init(id: checklist.id, version: checklist.version, sha256: checklist.sha256,
                             standard: checklist.standard.code, title: checklist.title),
            inspectionDate: slots.inspectionDate, findings: findings, counts: counts, score: score,
            completeness: completeness, rating: Rating(counts: counts, score: score), sections: sections,
            facts: facts, warnings: allWarnings)
    }
}
