/// The result of one criterion, with the answers and facts that decided it.
public struct Finding: Sendable, Hashable, Codable {
    public var criterion: CriterionID
    public var clause: String
    public var title: String
    public var section: String?
    public var grade: Grade
    public var status: FindingStatus
    public var weight: Double
    public var isManual: Bool
    /// Every answer, fact and other finding the conditions read, with its value (nil: unanswered).
    public var evidence: [Evidence]
    public var advice: String?
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case criterion, clause, title, section, grade, status, weight, evidence, advice, note
        case isManual = "manual"
    }
}

/// One input of a finding and the value it had.
public struct Evidence: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable { case answer, fact, finding }
    public var kind: Kind
    /// Question id, `plugin.fact`, or criterion id.
    public var name: String
    /// The question's label, for reports.
    public var label: String?
    public var value: Value?
    public var unit: String?
    /// For a list answer that `any`, `all` or `count` reads: the records that decided them
    /// (`MatchedRow`), in list order per function; empty when none did (no device matched);
    /// nil for other evidence and unanswered lists.
    public var matchedRows: [MatchedRow]? = nil

    enum CodingKeys: String, CodingKey {
        case kind, name, label, value, unit
        case matchedRows = "matched_rows"
    }
}
