/// A validated, compiled checklist. Immutable and `Sendable`: one instance serves every
/// evaluation and connection without locks.
public final class Checklist: Sendable {
    public let id: ChecklistID
    public let version: String
    public let sector: String
    public let title: String
    public let standard: StandardInfo
    public let file: String
    public let sections: [Section]
    public let questions: [Question]
    /// In file order (the order findings are reported in).
    public let criteria: [Criterion]
    public let tests: [TestCaseDefinition]
    /// SHA-256 of the file content, recorded with every evaluation.
    public let sha256: String
    public let plugin: (any SectorPlugin)?
    /// How much of the standard's declared item list the criteria encode.
    public let coverage: Coverage
    /// What `hazard lint` warns about in a checklist that loads (e.g. items no criterion encodes).
    public let warnings: [Diagnostic]

    let questionIndex: [QuestionID: Int]
    /// Slot of each declared fact, `plugin.fact`, after the question slots.
    let factSlots: [(name: FactName, fact: String, slot: Int, type: ValueType)]
    let program: Program
    /// Per question, what one-pass binding needs without copying the `Question`.
    let binding: [SlotBinding]
    /// For list questions, the fields' bindings (empty for other questions).
    let listBindings: [ListBinding]
    let hasTextSlots: Bool
    let hasListSlots: Bool
    let hasPlugin: Bool
    /// Question ids in order, to match answer keys without copying `Question`s.
    let questionIDs: [String]
    /// The same ids, found by their UTF-8 bytes (`SlotBinder`).
    let questionKeys: UTF8KeyTable
    /// Each question's options found by their UTF-8 bytes (`SlotBinder`). Beside `binding`,
    /// not in it: the general binder copies bindings, and each reference held costs a retain.
    let optionKeys: [UTF8KeyTable]
    let reportPlan: ReportPlan

    init(definition: ChecklistDefinition, sections: [Section], questions: [Question], criteria: [Criterion],
         plugin: (any SectorPlugin)?, factSlots: [(name: FactName, fact: String, slot: Int, type: ValueType)], program: Program,
         coverage: Coverage, warnings: [Diagnostic]) {
        id = ChecklistID(definition.id.value)
        version = definition.version
        sector = definition.sector
        title = definition.title
        standard = definition.standard
        file = definition.file
        tests = definition.tests
        sha256 = SHA256.hex(bytes: definition.content)
        self.sections = sections
        self.questions = questions
        self.criteria = criteria
        self.plugin = plugin
        self.coverage = coverage
        self.warnings = warnings
        self.factSlots = factSlots
        self.program = program
        questionIndex = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($1.id, $0) })
        binding = questions.map(SlotBinding.init)
        listBindings = questions.map(ListBinding.init)
        // Enum texts are recovered from the option index, so only text questions need text slots.
        hasTextSlots = questions.contains { $0.kind == .text } || factSlots.contains { $0.type == .text }
        hasListSlots = questions.contains { $0.kind == .list }
        hasPlugin = plugin != nil
        questionIDs = questions.map(\.id.rawValue)
        questionKeys = UTF8KeyTable(questionIDs)
        optionKeys = questions.map { UTF8KeyTable($0.options.map(\.value)) }
        reportPlan = ReportPlan(questions: questions, criteria: criteria, sections: sections, factSlots: factSlots)
    }

    public func question(_ id: QuestionID) -> Question? { questionIndex[id].map { questions[$0] } }

    public var criterionCount: Int { criteria.count }

    /// Each criterion's finding before grading — its static text and evidence inputs, status
    /// unanswered, no values — in criterion order: what every evaluation's findings start from.
    /// Serialisers pre-encode these once.
    package var findingTemplates: [Finding] { reportPlan.templates }
    public var manualCount: Int { criteria.filter(\.isManual).count }
    /// Whether the standard had been replaced on `day`.
    public func isSuperseded(on day: Day) -> Bool { standard.validUntil.map { day > $0 } ?? false }
}


/// What binding one answer needs, as plain values: kind, slot, bounds.
struct SlotBinding: Sendable {
    let kind: QuestionKind
    let slot: Int
    let min: Double
    let max: Double
    let options: [String]

    init(_ question: Question) {
        kind = question.kind
        slot = question.slot
        min = question.min ?? -.infinity
        max = question.max ?? .infinity
        options = question.options.map(\.value)
    }
}

extension SlotBinding {
    // Storing what `SlotBinder` binds, whichever reader feeds it. Methods
    // called on the binding where it lies: copying one out of its array retains its arrays.

    func store(bool: Bool, at slot: Int, numbers: inout [Double]) -> Bool {
        guard kind == .boolean else { return false }
        numbers[slot] = bool ? 1 : 0
        return true
    }

    func store(number n: Double, at slot: Int, numbers: inout [Double]) -> Bool {
        guard kind == .number || (kind == .integer && Int64(exactly: n) != nil), n.isFinite, n >= min, n <= max else { return false }
        numbers[slot] = n
        return true
    }

    func store(day: Day, at slot: Int, numbers: inout [Double]) -> Bool {
        guard kind == .date else { return false }
        numbers[slot] = Double(day.daysSinceEpoch)
        return true
    }

    /// A scalar value (a plugin's fact, checked by `Engine.fits`); false when it does not fit.
    func store(_ value: Value, at slot: Int, numbers: inout [Double], texts: inout [String?]) -> Bool {
        switch value {
        case .bool(let b): return store(bool: b, at: slot, numbers: &numbers)
        case .number(let n): return store(number: n, at: slot, numbers: &numbers)
        case .date(let day): return store(day: day, at: slot, numbers: &numbers)
        case .string(var s): return s.withUTF8 { store(utf8: $0, options: UTF8KeyTable(options), at: slot, numbers: &numbers, texts: &texts) }
        case .list: return false
        }
    }

    /// An enum option (found in `options`, this binding's options by their bytes), text or
    /// date, given as UTF-8.
    func store(utf8 text: UnsafeBufferPointer<UInt8>, options: UTF8KeyTable, at slot: Int, numbers: inout [Double], texts: inout [String?]) -> Bool {
        switch kind {
        case .enum:
            guard let option = options.index(of: text) else { return false }
            numbers[slot] = Double(option)
        case .text:
            texts[slot] = String(decoding: text, as: UTF8.self)
            numbers[slot] = 0
        case .date:
            guard let day = Day(isoUTF8: text) else { return false }
            numbers[slot] = Double(day.daysSinceEpoch)
        default:
            return false
        }
        return true
    }
}

/// The fields of a list question, for binding records without copying `Question`s.
struct ListBinding: Sendable {
    let ids: [String]
    let bindings: [SlotBinding]
    /// The field ids found by their UTF-8 bytes, and each field's options (`SlotBinder`).
    let keys: UTF8KeyTable
    let optionKeys: [UTF8KeyTable]
    /// Field numbers in the order of their ids: a `Record`'s order.
    let sortedOrder: [Int]

    init(_ question: Question) {
        let ids = question.fields.map(\.id.rawValue)
        self.ids = ids
        bindings = question.fields.map(SlotBinding.init)
        keys = UTF8KeyTable(ids)
        optionKeys = question.fields.map { UTF8KeyTable($0.options.map(\.value)) }
        sortedOrder = ids.indices.sorted { ids[$0] < ids[$1] }
    }
}
