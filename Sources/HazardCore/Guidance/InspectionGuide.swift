/// Guided inspection (引导式检查): given a checklist and partial answers, which unanswered
/// questions can still change a finding, which findings are already decided, and how far
/// the inspection has come. Built once per checklist; `next` is pure and may run
/// concurrently on any thread.
///
/// A question is open while a criterion that is still undecided reads it: directly, through
/// a plugin fact (the plugin's declared inputs) or through `finding()` of another undecided
/// criterion. Kleene logic does the pruning: a branch of `and` that is already false, or of
/// `or` already true, decides the condition and its other branches ask nothing; a criterion
/// whose `applies_when` is false (a section that does not apply) asks nothing; one whose
/// `hazard_when` is decided waits only on its `applies_when`.
public struct InspectionGuide: Sendable {
    /// A criterion's conditions: where each starts in `program` (`applies` -1 when it has none).
    struct Conditions: Sendable {
        var applies: Int
        var hazard: Int
    }

    public let checklist: Checklist
    /// Per criterion; nil if its conditions could not be rebuilt (never for a loaded
    /// checklist): it then waits on everything it reads while the engine leaves it unanswered.
    let conditions: [Conditions?]
    let program: GuideProgram
    /// Criterion numbers in the program's order: a `finding()` is walked before its readers.
    let order: [Int]
    /// Questions the plugin declares it reads: what an unknown fact waits on.
    let pluginInputs: [Int]
    let questionSlots: [Int]
    let factSlots: [Int]
    /// The code a hazard finding of each criterion gets (major or general).
    let hazardCodes: [UInt8]
    /// What each criterion reads, for the fallback.
    let reads: [[GuideRead]]

    public init(_ checklist: Checklist) {
        self.checklist = checklist
        let builder = GuideNodeBuilder(checklist)
        var program = GuideProgram()
        conditions = checklist.criteria.map { criterion in
            guard let hazard = builder.build(criterion.hazardWhen) else { return nil }
            let applies = criterion.appliesWhen.map(builder.build)
            if case .some(.none) = applies { return nil }
            let appliesStart = applies.flatMap { $0 }.map { program.append($0) } ?? -1
            return Conditions(applies: appliesStart, hazard: program.append(hazard))
        }
        self.program = program
        var order = checklist.program.steps.map(\.criterion)
        // Criteria without a compiled step (none in a loaded checklist) still get a place.
        let placed = Set(order)
        order += checklist.criteria.indices.filter { !placed.contains($0) }
        self.order = order
        pluginInputs = (checklist.plugin?.declaredInputs ?? []).compactMap { builder.questionIndex[$0.question] }
        questionSlots = checklist.binding.map(\.slot)
        factSlots = checklist.factSlots.map(\.slot)
        hazardCodes = checklist.criteria.map { $0.grade == .major ? FindingStatus.major.code : FindingStatus.general.code }
        reads = checklist.criteria.map { criterion in
            criterion.inputs.compactMap { input in
                switch input {
                case .question(let id): return builder.questionIndex[id].map(GuideRead.question)
                case .fact(let name): return builder.factIndex[name].map(GuideRead.fact)
                case .finding(let id): return builder.criterionIndex[id].map(GuideRead.finding)
                }
            }
        }
    }

    /// The next step of an inspection from a decoded answers object (JSON over RPC, a YAML
    /// file). A question answered `null` counts as skipped: it can still change findings, but
    /// the inspector passed on it, so it is reported as skipped rather than open.
    ///
    /// - Throws: `AnswerError` when an answer does not fit its question or the plugin rejects one.
    public func next(input: AnswerInput, inspectionDate: Day? = nil) throws(AnswerError) -> InspectionStep {
        let decided = try Engine.decide(checklist, input: input, inspectionDate: inspectionDate)
        var skipped: [Bool] = []
        if case .mapping(let pairs) = input.kind {
            for pair in pairs {
                guard case .null = pair.value.kind, let q = checklist.questionIndex[QuestionID(pair.key)] else { continue }
                if skipped.isEmpty { skipped = [Bool](repeating: false, count: checklist.questions.count) }
                skipped[q] = true
            }
        }
        return step(decided.slots, statuses: decided.statuses, skipped: skipped)
    }

    /// The next step of an inspection from typed answers; `skipped` are questions the
    /// inspector passed on.
    ///
    /// - Throws: `AnswerError` when an answer does not fit its question or the plugin rejects one.
    public func next(_ answers: Answers, skipped: Set<QuestionID> = []) throws(AnswerError) -> InspectionStep {
        var slots = try checklist.bind(answers)
        var warnings: [EvaluationWarning] = []
        _ = try Engine.derive(checklist, answers, into: &slots, warnings: &warnings)
        var statuses: [UInt8] = []
        checklist.program.run(slots, into: &statuses)
        var passed: [Bool] = []
        if !skipped.isEmpty {
            passed = [Bool](repeating: false, count: checklist.questions.count)
            for id in skipped { if let q = checklist.questionIndex[id] { passed[q] = true } }
        }
        return step(slots, statuses: statuses, skipped: passed)
    }

    /// Walks every criterion over graded slots and gathers the open questions.
    func step(_ slots: AnswerSlots, statuses: [UInt8], skipped: [Bool]) -> InspectionStep {
        let count = checklist.criteria.count
        var walk = GuideWalk(guide: self, criteria: count)
        let today = slots.inspectionDate.map { Double($0.daysSinceEpoch) } ?? .nan
        slots.numbers.withUnsafeBufferPointer { numbers in
            slots.texts.withUnsafeBufferPointer { texts in
                slots.lists.withUnsafeBufferPointer { lists in
                    statuses.withUnsafeBufferPointer { codes in
                        guard let n = numbers.baseAddress, let t = texts.baseAddress,
                              let l = lists.baseAddress, let s = codes.baseAddress else { return }
                        let frame = Frame(numbers: n, texts: t, lists: l, statuses: s, today: today)
                        program.ops.withUnsafeBufferPointer { ops in
                            program.leafRefs.withUnsafeBufferPointer { leaves in
                                for criterion in order { walk.decide(criterion, frame: frame, ops: ops, leaves: leaves) }
                            }
                        }
                    }
                }
            }
        }
        return walk.finish(skipped: skipped)
    }
}
