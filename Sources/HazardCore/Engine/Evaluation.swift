/// An inspection graded against one checklist: every finding, the counts, the score and
/// the rating. This is what `hazard evaluate --format json` prints and `hazard.grade` returns.
public struct Evaluation: Sendable, Hashable, Codable {
    public struct ChecklistReference: Sendable, Hashable, Codable {
        public var id: ChecklistID
        public var version: String
        /// SHA-256 of the checklist file the engine compiled.
        public var sha256: String
        public var standard: String
        public var title: String
    }

    public struct Counts: Sendable, Hashable, Codable {
        public var major = 0
        public var general = 0
        public var compliant = 0
        public var notApplicable = 0
        public var unanswered = 0
        /// Findings of criteria that need an expert's judgement (already counted by status too).
        public var manual = 0
        public var total: Int { major + general + compliant + notApplicable + unanswered }

        mutating func add(_ status: FindingStatus) {
            switch status {
            case .major: major += 1
            case .general: general += 1
            case .compliant: compliant += 1
            case .notApplicable: notApplicable += 1
            case .unanswered: unanswered += 1
            }
        }

        enum CodingKeys: String, CodingKey {
            case major, general, compliant, unanswered, manual
            case notApplicable = "not_applicable"
        }
    }

    public struct SectionResult: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var counts: Counts
        /// Weighted compliance 0–100; nil when no criterion of the section was decided.
        public var score: Double?
    }

    public var checklist: ChecklistReference
    public var inspectionDate: Day?
    public var findings: [Finding]
    public var counts: Counts
    /// Weighted compliance 0–100 over applicable, answered criteria; nil when none counts.
    public var score: Double?
    /// Answered share of the applicable criteria, 0–1; nil when nothing applies.
    public var completeness: Double?
    public var rating: Rating
    public var sections: [SectionResult]
    /// Facts the checklist's plugin derived, `plugin.fact` → value.
    public var facts: [String: Value]
    /// In JSON each is one string, `message [code]` (`EvaluationWarning`).
    public var warnings: [EvaluationWarning]

    enum CodingKeys: String, CodingKey {
        case checklist, findings, counts, score, completeness, rating, sections, facts, warnings
        case inspectionDate = "inspection_date"
    }
}

extension Evaluation {
    public func finding(_ id: CriterionID) -> Finding? { findings.first { $0.criterion == id } }

    /// How much of the findings list to build: every criterion, only the hazards, or none
    /// (counts, score and rating are always complete).
    public enum Detail: String, Sendable, Hashable, CaseIterable {
        case full, hazards, summary
    }
}
