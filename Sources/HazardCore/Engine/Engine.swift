/// Grades an inspector's answers against a checklist.
///
/// Pure and stateless: `evaluate` may run concurrently on any thread for any checklist.
/// A library user calls `evaluate`; the rest (`grade`, `prepare`, `run`…) serves the RPC fast
/// path and the benchmarks inside this package, so it is `package`.
public enum Engine {
    /// Validates the answers, derives the plugin's facts, decides every criterion and
    /// scores the result.
    ///
    /// - Throws: `AnswerError` when an answer does not fit its question or the plugin
    ///   rejects one (e.g. an unknown substance); nothing is evaluated then.
    public static func evaluate(_ checklist: Checklist, _ answers: Answers, detail: Evaluation.Detail = .full) throws(AnswerError) -> Evaluation {
        var slots = try checklist.bind(answers)
        var warnings: [EvaluationWarning] = []
        let facts = try derive(checklist, answers, into: &slots, warnings: &warnings)
        var statuses: [UInt8] = []
        checklist.program.run(slots, into: &statuses)
        return report(checklist, slots, statuses: statuses, facts: facts, warnings: warnings, detail: detail)
    }

    /// Grades a decoded answers object (JSON over RPC, a YAML file) in one pass from the
    /// decoded tree to slots.
    ///
    /// - Throws: `AnswerError` when an answer does not fit or the plugin rejects one.
    public static func evaluate(_ checklist: Checklist, input: AnswerInput, inspectionDate: Day? = nil,
                                detail: Evaluation.Detail = .full) throws(AnswerError) -> Evaluation {
        let decided = try decide(checklist, input: input, inspectionDate: inspectionDate)
        return report(checklist, decided.slots, statuses: decided.statuses, facts: decided.facts, warnings: decided.warnings, detail: detail)
    }

    /// Grades as `evaluate(_:input:inspectionDate:detail:)` at detail `.summary`, and returns
    /// the findings as `FindingStates` instead of `Finding`s: for serialisers that write the
    /// findings from pre-encoded `Checklist.findingTemplates`.
    package static func grade(_ checklist: Checklist, input: AnswerInput, inspectionDate: Day? = nil) throws(AnswerError) -> (summary: Evaluation, findings: FindingStates) {
        let decided = try decide(checklist, input: input, inspectionDate: inspectionDate)
        let summary = report(checklist, decided.slots, statuses: decided.statuses, facts: decided.facts, warnings: decided.warnings, detail: .summary)
        return (summary, findingStates(checklist, decided.slots, statuses: decided.statuses, facts: decided.facts))
    }

    /// Grades answers bound one at a time (`SlotBinder`) as `grade(_:input:inspectionDate:)`
    /// grades the same answers from a tree.
    ///
    /// - Throws: `AnswerError` when the plugin rejects an answer.
    package static func grade(_ bound: SlotBinder) throws(AnswerError) -> (summary: Evaluation, findings: FindingStates) {
        let checklist = bound.checklist
        let (slots, answers) = bound.finish()
        let decided = try decide(checklist, slots: slots, answers: answers)
        let summary = report(checklist, decided.slots, statuses: decided.statuses, facts: decided.facts, warnings: decided.warnings, detail: .summary)
        return (summary, findingStates(checklist, decided.slots, statuses: decided.statuses, facts: decided.facts))
    }

    /// Binds the answers, derives the plugin's facts and decides every criterion.
    static func decide(_ checklist: Checklist, input: AnswerInput, inspectionDate: Day?) throws(AnswerError)
        -> (slots: AnswerSlots, statuses: [UInt8], facts: [String: Value], warnings: [EvaluationWarning]) {
        let (slots, answers) = try checklist.bind(input, inspectionDate: inspectionDate)
        return try decide(checklist, slots: slots, answers: answers)
    }

    /// Derives the plugin's facts from bound answers and decides every criterion.
    private static func decide(_ checklist: Checklist, slots: AnswerSlots, answers: Answers?) throws(AnswerError)
        -> (slots: AnswerSlots, statuses: [UInt8], facts: [String: Value], warnings: [EvaluationWarning]) {
        var slots = slots
        var warnings: [EvaluationWarning] = []
        let facts = try answers.map { answers throws(AnswerError) in try derive(checklist, answers, into: &slots, warnings: &warnings) } ?? [:]
        var statuses: [UInt8] = []
        checklist.program.run(slots, into: &statuses)
        return (slots, statuses, facts, warnings)
    }

    /// Binds a decoded answers object and derives the plugin's facts: the typed form `run` takes.
    package static func prepare(_ checklist: Checklist, input: AnswerInput, inspectionDate: Day? = nil) throws(AnswerError) -> AnswerSlots {
        var (slots, answers) = try checklist.bind(input, inspectionDate: inspectionDate)
        var warnings: [EvaluationWarning] = []
        if let answers { _ = try derive(checklist, answers, into: &slots, warnings: &warnings) }
        return slots
    }

    /// Decides every criterion over answers already in typed slot form (facts included):
    /// the engine's inner loop, without findings. `statuses` is reused between calls.
    package static func statuses(_ checklist: Checklist, _ slots: AnswerSlots, into statuses: inout [FindingStatus]) {
        var codes: [UInt8] = []
        checklist.program.run(slots, into: &codes)
        statuses = checklist.criteria.indices.map { FindingStatus(code: codes[$0]) }
    }

    /// Binds answers and facts into slots, for callers that evaluate the same answers often.
    package static func prepare(_ checklist: Checklist, _ answers: Answers) throws(AnswerError) -> AnswerSlots {
        var slots = try checklist.bind(answers)
        var warnings: [EvaluationWarning] = []
        _ = try derive(checklist, answers, into: &slots, warnings: &warnings)
        return slots
    }

    /// Runs the compiled criteria only, writing status codes into a reusable buffer.
    /// For benchmarks and batch grading; `FindingStatus(code:)` is internal, so callers
    /// compare counts via `hazardCount`.
    package static func run(_ checklist: Checklist, _ slots: AnswerSlots, buffer: inout [UInt8]) {
        checklist.program.run(slots, into: &buffer)
    }

    /// Whether criterion `index` is a hazard in a buffer filled by `run`.
    package static func isHazard(_ buffer: [UInt8], _ index: Int) -> Bool {
        buffer[index] == FindingStatus.major.code || buffer[index] == FindingStatus.general.code
    }

    static func derive(_ checklist: Checklist, _ answers: Answers, into slots: inout AnswerSlots, warnings: inout [EvaluationWarning]) throws(AnswerError) -> [String: Value] {
        guard let plugin = checklist.plugin else { return [:] }
        let facts: Facts
        do {
            facts = try plugin.derive(from: answers)
        } catch {
            let path = (error.question?.rawValue ?? "answers") + (error.recordIndex.map { "[\($0)]" } ?? "")
            throw AnswerError(checklist: checklist.id, issues: [.init(code: .pluginRejected, path: path, message: "\(plugin.id): \(error.message) [\(error.code)]", mark: nil)])
        }
        var derived: [String: Value] = [:]
        for entry in checklist.factSlots {
            guard let value = facts[entry.fact] else { continue }
            guard Self.fits(value, entry.type) else {
                // A plugin bug, not the inspector's: the fact stays unknown and the report says so.
                warnings.append(EvaluationWarning(.pluginFactIgnored, ["plugin": plugin.id, "value": value.description,
                                                                       "fact": entry.name.rawValue, "type": "\(entry.type)"]))
                continue
            }
            derived[entry.name.rawValue] = value
            let question = Question(id: QuestionID(entry.name.rawValue), label: entry.name.rawValue, kind: entry.type.questionKind,
                                    unit: nil, min: nil, max: nil, options: entry.type.options, fields: [], help: nil, slot: entry.slot)
            _ = SlotBinding(question).store(value, at: entry.slot, numbers: &slots.numbers, texts: &slots.texts)
        }
        return derived
    }

    static func fits(_ value: Value, _ type: ValueType) -> Bool {
        switch (value, type) {
        case (.bool, .boolean), (.date, .date), (.string, .text): return true
        case (.number(let n), .number): return n.isFinite
        case (.string(let s), .enumeration(let options)): return options.contains(s)
        default: return false
        }
    }
}

extension ValueType {
    var questionKind: QuestionKind {
        switch self {
        case .boolean: return .boolean
        case .number: return .number
        case .date: return .date
        case .text: return .text
        case .enumeration: return .enum
        case .list: return .list
        }
    }

    var options: [OptionDefinition] {
        if case .enumeration(let values) = self { return values.map { OptionDefinition(value: $0, label: $0) } }
        return []
    }
}
