/// A checklist as written, before validation and compilation: every field keeps the mark
/// it was read at so the compiler can locate its errors. Produced by HazardYAML's decoder.
public struct ChecklistDefinition: Sendable {
    public var file: String
    public var mark: SourceMark
    public var id: Located<String>
    public var version: String
    public var sector: String
    public var title: String
    public var standard: StandardInfo
    /// `standard.items` with where each was declared (the compiler locates item diagnostics).
    public var standardItems: [Located<StandardItem>]
    public var plugin: Located<String>?
    public var sections: [SectionDefinition]
    public var questions: [QuestionDefinition]
    public var criteria: [CriterionDefinition]
    public var tests: [TestCaseDefinition]
    /// The bytes the checklist was read from, fingerprinted in every evaluation.
    public var content: [UInt8]

    public init(file: String, mark: SourceMark, id: Located<String>, version: String, sector: String, title: String,
                standard: StandardInfo, standardItems: [Located<StandardItem>] = [], plugin: Located<String>?, sections: [SectionDefinition],
                questions: [QuestionDefinition], criteria: [CriterionDefinition], tests: [TestCaseDefinition], content: [UInt8]) {
        self.file = file
        self.mark = mark
        self.id = id
        self.version = version
        self.sector = sector
        self.title = title
        self.standard = standard
        self.standard.items = standardItems.map(\.value)
        self.standardItems = standardItems
        self.plugin = plugin
        self.sections = sections
        self.questions = questions
        self.criteria = criteria
        self.tests = tests
        self.content = content
    }
}

/// The national standard a checklist encodes, with its validity window.
public struct StandardInfo: Sendable, Hashable, Codable {
    public var code: String
    public var title: String
    public var issuer: String
    public var effective: Day
    /// Last day in force, when a newer version replaced it.
    public var validUntil: Day?
    public var supersededBy: String?
    /// The id of the checklist that encodes the replacing standard, when we ship one; when a
    /// standard is superseded and this is nil, gradings say its successor's items are not encoded.
    public var successor: String?
    public var source: String?
    public var notes: String?
    /// The standard's own item list (clause ids), so coverage can be counted and checked.
    public var items: [StandardItem]

    public init(code: String, title: String, issuer: String, effective: Day, validUntil: Day? = nil,
                supersededBy: String? = nil, successor: String? = nil, source: String? = nil, notes: String? = nil,
                items: [StandardItem] = []) {
        self.code = code
        self.title = title
        self.issuer = issuer
        self.effective = effective
        self.validUntil = validUntil
        self.supersededBy = supersededBy
        self.successor = successor
        self.source = source
        self.notes = notes
        self.items = items
    }

    enum CodingKeys: String, CodingKey {
        case code, title, issuer, effective, source, notes, successor, items
        case validUntil = "valid_until"
        case supersededBy = "superseded_by"
    }
}

public struct SectionDefinition: Sendable, Hashable {
    public var id: Located<String>
    public var title: String
    public init(id: Located<String>, title: String) {
        self.id = id
        self.title = title
    }
}

/// The kinds of question an inspector can be asked.
public enum QuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case boolean, number, integer, `enum`, date, text, list
}

public struct OptionDefinition: Sendable, Hashable, Codable {
    public var value: String
    public var label: String
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

public struct QuestionDefinition: Sendable, Hashable {
    public var id: Located<String>
    public var label: String
    public var kind: QuestionKind
    public var unit: String?
    public var min: Double?
    public var max: Double?
    public var options: [Located<OptionDefinition>]
    public var fields: [QuestionDefinition]
    public var help: String?

    public init(id: Located<String>, label: String, kind: QuestionKind, unit: String? = nil, min: Double? = nil, max: Double? = nil,
                options: [Located<OptionDefinition>] = [], fields: [QuestionDefinition] = [], help: String? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.unit = unit
        self.min = min
        self.max = max
        self.options = options
        self.fields = fields
        self.help = help
    }
}

/// Major accident hazard (重大事故隐患) or general hazard (一般事故隐患).
public enum Grade: String, Sendable, Hashable, Codable, CaseIterable {
    case major, general
}

public struct CriterionDefinition: Sendable, Hashable {
    public var id: Located<String>
    public var clause: String
    public var title: String
    public var grade: Grade
    public var section: Located<String>?
    public var appliesWhen: ExpressionSource?
    public var hazardWhen: ExpressionSource
    public var weight: Double
    public var advice: String?
    public var references: [String]
    public var isManual: Bool
    public var note: String?
    /// The standard items this criterion encodes (`item:`); empty means its `clause`.
    public var items: [Located<String>]

    public init(id: Located<String>, clause: String, title: String, grade: Grade, section: Located<String>? = nil,
                appliesWhen: ExpressionSource? = nil, hazardWhen: ExpressionSource, weight: Double = 1,
                advice: String? = nil, references: [String] = [], isManual: Bool = false, note: String? = nil,
                items: [Located<String>] = []) {
        self.id = id
        self.clause = clause
        self.title = title
        self.grade = grade
        self.section = section
        self.appliesWhen = appliesWhen
        self.hazardWhen = hazardWhen
        self.weight = weight
        self.advice = advice
        self.references = references
        self.isManual = isManual
        self.note = note
        self.items = items
    }
}

/// A test case written beside the criteria: answers in, expected statuses out.
public struct TestCaseDefinition: Sendable {
    public var name: String
    public var mark: SourceMark
    public var inspectionDate: Day?
    public var answers: AnswerInput
    public var expect: [(criterion: Located<String>, status: FindingStatus)]
    public var expectFacts: [(fact: Located<String>, value: AnswerInput)]
    public var expectError: String?

    public init(name: String, mark: SourceMark, inspectionDate: Day?, answers: AnswerInput,
                expect: [(criterion: Located<String>, status: FindingStatus)],
                expectFacts: [(fact: Located<String>, value: AnswerInput)], expectError: String?) {
        self.name = name
        self.mark = mark
        self.inspectionDate = inspectionDate
        self.answers = answers
        self.expect = expect
        self.expectFacts = expectFacts
        self.expectError = expectError
    }
}
