/// A validated criterion: one item of the standard.
public struct Criterion: Sendable {
    public var id: CriterionID
    public var clause: String
    public var title: String
    public var grade: Grade
    public var section: String?
    public var appliesWhen: String?
    public var hazardWhen: String
    public var weight: Double
    public var advice: String?
    public var references: [String]
    /// Needs an expert's or inspector's judgement (e.g. the catch-all item).
    public var isManual: Bool
    public var note: String?
    /// The standard items it encodes (`standard.items` ids); its clause when none is named.
    public var items: [String]
    /// What the conditions read, in order of first mention: the finding's evidence.
    public var inputs: [EvidenceSource]
    /// Its list functions, to name the records that decided a finding (never run when grading).
    var listProbes: [ListProbe] = []

    /// The list functions (`any`, `all`, `count`) its conditions apply, with the list each reads.
    public var listFunctions: [(list: QuestionID, function: MatchedRow.Function)] { listProbes.map { ($0.question, $0.function) } }
}

/// Something a condition reads.
public enum EvidenceSource: Sendable, Hashable {
    case question(QuestionID)
    case fact(FactName)
    case finding(CriterionID)
}

public struct Section: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
}
