/// Runs the test cases written beside a checklist's criteria (`tests:`), and tracks which
/// criteria the tests drive both ways (`hazard test --coverage`).
public enum ChecklistTestRunner {
    public struct Failure: Sendable, CustomStringConvertible {
        public var mark: SourceMark
        public var test: String
        public var message: String
        public var description: String { "\(mark): test '\(test)' failed: \(message)" }
    }

    /// Per criterion: whether some test expects it to be a hazard, and whether some test
    /// expects it compliant or not applicable.
    public struct Coverage: Sendable {
        public var hazard: Bool
        public var clear: Bool
    }

    public struct Report: Sendable {
        public var checklist: ChecklistID
        public var passed = 0
        public var failed = 0
        public var failures: [Failure] = []
        public var coverage: [(criterion: CriterionID, coverage: Coverage)] = []

        /// Criteria not driven both ways, with what is missing.
        public var uncovered: [(criterion: CriterionID, missing: String)] {
            coverage.compactMap { entry in
                switch (entry.coverage.hazard, entry.coverage.clear) {
                case (true, true): return nil
                case (false, false): return (entry.criterion, "never expected as a hazard, nor as compliant/not_applicable")
                case (false, true): return (entry.criterion, "never expected as a hazard")
                case (true, false): return (entry.criterion, "never expected as compliant/not_applicable")
                }
            }
        }
    }

    public static func run(_ checklist: Checklist) -> Report {
        var report = Report(checklist: checklist.id)
        var coverage = [CriterionID: Coverage]()
        for test in checklist.tests {
            let failures = run(test, on: checklist, coverage: &coverage)
            if failures.isEmpty { report.passed += 1 } else { report.failed += 1 }
            report.failures += failures
        }
        report.coverage = checklist.criteria.map { ($0.id, coverage[$0.id] ?? Coverage(hazard: false, clear: false)) }
        return report
    }

    static func run(_ test: TestCaseDefinition, on checklist: Checklist, coverage: inout [CriterionID: Coverage]) -> [Failure] {
        func failure(_ message: String, at mark: SourceMark? = nil) -> Failure {
            Failure(mark: mark ?? test.mark, test: test.name, message: message)
        }
        let evaluation: Evaluation
        do {
            let answers = try checklist.answers(from: test.answers, inspectionDate: test.inspectionDate)
            evaluation = try Engine.evaluate(checklist, answers)
        } catch {
            if let expected = test.expectError {
                return error.description.contains(expected) ? [] : [failure("expected an error containing '\(expected)', got: \(error)")]
            }
            return [failure("the answers were rejected: \(error)")]
        }
        if let expected = test.expectError {
            return [failure("expected an error containing '\(expected)', but the answers were accepted")]
        }
        var failures: [Failure] = []
        for (criterion, status) in test.expect {
            let id = CriterionID(criterion.value)
            guard let finding = evaluation.finding(id) else { continue } // unknown ids are reported by the compiler
            var entry = coverage[id] ?? Coverage(hazard: false, clear: false)
            if status.isHazard { entry.hazard = true }
            if status == .compliant || status == .notApplicable { entry.clear = true }
            coverage[id] = entry
            if finding.status != status {
                let evidence = finding.evidence.map { "\($0.name) = \($0.value.map(\.description) ?? "unanswered")" }.joined(separator: ", ")
                failures.append(failure("\(id): expected \(status.rawValue), got \(finding.status.rawValue)" + (evidence.isEmpty ? "" : " (\(evidence))"), at: criterion.mark))
            }
        }
        for (fact, expected) in test.expectFacts {
            let actual = evaluation.facts[fact.value]
            if !matches(expected, actual) {
                failures.append(failure("\(fact.value): expected \(expected.summary), got \(actual.map(\.description) ?? "unknown")", at: fact.mark))
            }
        }
        return failures
    }

    /// Compares an expected fact (as written in YAML) with the derived value; numbers
    /// match to 1e-9 relative so worked examples can be written as printed.
    static func matches(_ expected: AnswerInput, _ actual: Value?) -> Bool {
        switch (expected.kind, actual) {
        case (.null, nil): return true
        case (.plain(let text), .number(let n)?), (.string(let text), .number(let n)?):
            guard let e = Double(text) else { return false }
            return abs(e - n) <= 1e-9 * max(1, abs(e))
        case (.number(let e), .number(let n)?): return abs(e - n) <= 1e-9 * max(1, abs(e))
        case (.plain(let text), .bool(let b)?): return text == (b ? "true" : "false")
        case (.bool(let e), .bool(let b)?): return e == b
        case (.plain(let text), .string(let s)?), (.string(let text), .string(let s)?): return text == s
        case (.plain(let text), .date(let d)?), (.string(let text), .date(let d)?): return text == d.description
        default: return false
        }
    }
}
