/// Validates a checklist definition and compiles its expressions: the step between a
/// parsed file and a `Checklist` the engine can run. Collects every diagnostic it finds.
public struct ChecklistCompiler: Sendable {
    public let registry: PluginRegistry

    public init(registry: PluginRegistry) { self.registry = registry }

    /// - Throws: `ChecklistError` with every diagnostic, in file order.
    public func compile(_ definition: ChecklistDefinition) throws(ChecklistError) -> Checklist {
        var diagnostics: [Diagnostic] = []

        // Sections.
        var sectionIDs: [String: SourceMark] = [:]
        for section in definition.sections {
            if let first = sectionIDs[section.id.value] {
                diagnostics.append(Diagnostic(.duplicateID, "duplicate section id '\(section.id.value)' (first defined at \(first.line):\(first.column))", at: section.id.mark))
            } else {
                sectionIDs[section.id.value] = section.id.mark
            }
        }

        // Questions and their slots.
        var questions: [Question] = []
        var questionMarks: [String: SourceMark] = [:]
        for definitionQuestion in definition.questions {
            let id = definitionQuestion.id
            if let first = questionMarks[id.value] {
                diagnostics.append(Diagnostic(.duplicateID, "duplicate question id '\(id.value)' (first defined at \(first.line):\(first.column))", at: id.mark))
                continue
            }
            questionMarks[id.value] = id.mark
            guard let question = makeQuestion(definitionQuestion, slot: questions.count, diagnostics: &diagnostics) else { continue }
            questions.append(question)
        }
        let questionsByID = Dictionary(uniqueKeysWithValues: questions.map { ($0.id.rawValue, $0) })

        // Plugin: its facts take the slots after the questions.
        var plugin: (any SectorPlugin)?
        var factSlots: [(name: FactName, fact: String, slot: Int, type: ValueType)] = []
        var functions: [String: PluginFunction] = [:]
        if let name = definition.plugin {
            if let found = registry[name.value] {
                plugin = found
                for input in found.declaredInputs {
                    checkInput(input, plugin: found.id, questions: questionsByID, at: name.mark, diagnostics: &diagnostics)
                }
                for fact in found.declaredFacts {
                    if case .list = fact.type { continue } // a plugin bug; facts are scalars
                    factSlots.append((FactName(plugin: found.id, fact: fact.name), fact.name, questions.count + factSlots.count, fact.type))
                }
                for function in found.functions { functions[found.id + "." + function.name] = function }
            } else {
                let hint = Suggestion.hint(for: name.value, in: registry.ids)
                let known = registry.ids.isEmpty ? "" : " (known: \(registry.ids.joined(separator: ", ")))"
                diagnostics.append(Diagnostic(.unknownPlugin, "unknown plugin '\(name.value)'\(hint)\(known)", at: name.mark))
            }
        }

        // Criteria ids first, so finding() can refer forwards.
        var criterionIndex: [String: Int] = [:]
        var criterionMarks: [String: SourceMark] = [:]
        for (index, criterion) in definition.criteria.enumerated() {
            if let first = criterionMarks[criterion.id.value] {
                diagnostics.append(Diagnostic(.duplicateID, "duplicate criterion id '\(criterion.id.value)' (first defined at \(first.line):\(first.column))", at: criterion.id.mark))
            } else {
                criterionMarks[criterion.id.value] = criterion.id.mark
                criterionIndex[criterion.id.value] = index
            }
        }

        let environment = ExpressionCompiler.Environment(
            questions: questionsByID,
            facts: Dictionary(uniqueKeysWithValues: factSlots.map { ($0.name.rawValue, (slot: $0.slot, type: $0.type)) }),
            functions: functions,
            criteria: criterionIndex,
            pluginID: plugin?.id ?? definition.plugin?.value
        )

        var criteria: [Criterion] = []
        var steps: [Program.Step] = []
        var dependencies: [Set<Int>] = []
        for (index, definitionCriterion) in definition.criteria.enumerated() {
            if let section = definitionCriterion.section, sectionIDs[section.value] == nil {
                let hint = Suggestion.hint(for: section.value, in: sectionIDs.keys)
                diagnostics.append(Diagnostic(.unknownSection, "unknown section '\(section.value)'\(hint)", at: section.mark))
            }
            var compiler = ExpressionCompiler(environment: environment)
            let applies = definitionCriterion.appliesWhen.flatMap { compileCondition($0, with: &compiler, diagnostics: &diagnostics) }
            let hazard = compileCondition(definitionCriterion.hazardWhen, with: &compiler, diagnostics: &diagnostics)
            criteria.append(Criterion(
                id: CriterionID(definitionCriterion.id.value), clause: definitionCriterion.clause, title: definitionCriterion.title,
                grade: definitionCriterion.grade, section: definitionCriterion.section?.value,
                appliesWhen: definitionCriterion.appliesWhen?.text, hazardWhen: definitionCriterion.hazardWhen.text,
                weight: definitionCriterion.weight, advice: definitionCriterion.advice, references: definitionCriterion.references,
                isManual: definitionCriterion.isManual, note: definitionCriterion.note,
                items: definitionCriterion.items.isEmpty ? [definitionCriterion.clause] : definitionCriterion.items.map(\.value),
                inputs: compiler.inputs, listProbes: compiler.probes))
            dependencies.append(compiler.dependencies)
            if let hazard {
                let code = definitionCriterion.grade == .major ? FindingStatus.major.code : FindingStatus.general.code
                steps.append(Program.Step(criterion: index, applies: applies, hazard: hazard, hazardCode: code))
            }
        }

        let order = Self.dependencyOrder(dependencies, criteria: definition.criteria, diagnostics: &diagnostics)

        // Tests must name criteria and facts that exist.
        let factNames = Set(factSlots.map(\.name.rawValue))
        for test in definition.tests {
            for (criterion, _) in test.expect where criterionIndex[criterion.value] == nil {
                diagnostics.append(Diagnostic(.unknownCriterion, "test '\(test.name)' expects unknown criterion '\(criterion.value)'\(Suggestion.hint(for: criterion.value, in: criterionIndex.keys))", at: criterion.mark))
            }
            for (fact, _) in test.expectFacts where !factNames.contains(fact.value) {
                diagnostics.append(Diagnostic(.unknownIdentifier, "test '\(test.name)' expects unknown fact '\(fact.value)'\(Suggestion.hint(for: fact.value, in: factNames))", at: fact.mark))
            }
        }

        let coverage = Self.checkCoverage(definition, diagnostics: &diagnostics)

        guard diagnostics.allSatisfy({ $0.severity != .error }) else { throw ChecklistError(diagnostics) }
        // Every finding handed to an enterprise should say what to do (整改建议).
        for criterion in definition.criteria where (criterion.advice ?? "").allSatisfy(\.isWhitespace) {
            diagnostics.append(Diagnostic(.missingAdvice, "criterion '\(criterion.id.value)' has no advice (整改建议)", at: criterion.id.mark, severity: .warning))
        }
        if coverage.declared == 0 {
            diagnostics.append(Diagnostic(.uncoveredItem, "standard \(definition.standard.code) declares no items, so coverage of its text cannot be checked",
                                          at: definition.mark, severity: .warning))
        }
        let byCriterion = Dictionary(uniqueKeysWithValues: steps.map { ($0.criterion, $0) })
        let program = Program(steps: order.compactMap { byCriterion[$0] }, slotCount: questions.count + factSlots.count, criterionCount: criteria.count)
        let sections = definition.sections.map { Section(id: $0.id.value, title: $0.title) }
        return Checklist(definition: definition, sections: sections, questions: questions, criteria: criteria,
                         plugin: plugin, factSlots: factSlots, program: program, coverage: coverage,
                         warnings: diagnostics.filter { $0.severity == .warning })
    }

    private func compileCondition(_ source: ExpressionSource, with compiler: inout ExpressionCompiler, diagnostics: inout [Diagnostic]) -> TruthNode? {
        let expr: Expr
        do {
            expr = try Parser.parse(source.text)
        } catch {
            diagnostics.append(Diagnostic(.expressionSyntax, error.message, at: source.mark(at: error.offset)))
            return nil
        }
        do {
            return try compiler.compileCondition(expr)
        } catch {
            diagnostics.append(Diagnostic(error.code, error.message, at: source.mark(at: error.offset)))
            return nil
        }
    }

    private func makeQuestion(_ definition: QuestionDefinition, slot: Int, diagnostics: inout [Diagnostic]) -> Question? {
        var options: [OptionDefinition] = []
        var seen: Set<String> = []
        for option in definition.options {
            if !seen.insert(option.value.value).inserted {
                diagnostics.append(Diagnostic(.duplicateID, "duplicate option '\(option.value.value)' in question '\(definition.id.value)'", at: option.mark))
            }
            options.append(option.value)
        }
        if let min = definition.min, let max = definition.max, min > max {
            diagnostics.append(Diagnostic(.invalidValue, "question '\(definition.id.value)' has min \(Value.format(min)) above max \(Value.format(max))", at: definition.id.mark))
        }
        var fields: [Question] = []
        var fieldIDs: Set<String> = []
        for field in definition.fields {
            guard fieldIDs.insert(field.id.value).inserted else {
                diagnostics.append(Diagnostic(.duplicateID, "duplicate field id '\(field.id.value)' in question '\(definition.id.value)'", at: field.id.mark))
                continue
            }
            if field.kind == .list {
                diagnostics.append(Diagnostic(.invalidValue, "a record field cannot itself be a list", at: field.id.mark))
                continue
            }
            if let made = makeQuestion(field, slot: fields.count, diagnostics: &diagnostics) { fields.append(made) }
        }
        return Question(id: QuestionID(definition.id.value), label: definition.label, kind: definition.kind, unit: definition.unit,
                        min: definition.min, max: definition.max, options: options, fields: fields, help: definition.help, slot: slot)
    }

    private func checkInput(_ input: InputDeclaration, plugin: String, questions: [String: Question], at mark: SourceMark, diagnostics: inout [Diagnostic]) {
        guard let question = questions[input.question.rawValue] else {
            diagnostics.append(Diagnostic(.pluginInput, "plugin '\(plugin)' reads question '\(input.question.rawValue)' (\(input.type)), which this checklist does not declare", at: mark))
            return
        }
        if let problem = Self.incompatibility(of: question.valueType, with: input.type) {
            diagnostics.append(Diagnostic(.pluginInput, "plugin '\(plugin)' reads question '\(input.question.rawValue)' as \(input.type): \(problem)", at: mark))
        }
    }

    /// Why a declared question type cannot feed a plugin input, or nil when it can.
    static func incompatibility(of actual: ValueType, with expected: ValueType) -> String? {
        switch (actual, expected) {
        case (.enumeration(let options), .enumeration(let known)):
            let unknown = options.filter { !known.contains($0) }
            return unknown.isEmpty ? nil : "options \(unknown.joined(separator: ", ")) are unknown to the plugin"
        case (.enumeration, .text): return nil
        case (.list(let fields), .list(let needed)):
            for (name, type) in needed.sorted(by: { $0.key < $1.key }) {
                guard let have = fields[name] else { return "records lack field '\(name)'" }
                if let problem = incompatibility(of: have, with: type) { return "field '\(name)': \(problem)" }
            }
            return nil
        default:
            return actual == expected ? nil : "it is declared as \(actual)"
        }
    }

    /// Criteria in an order where every `finding()` dependency comes first; reports cycles.
    static func dependencyOrder(_ dependencies: [Set<Int>], criteria: [CriterionDefinition], diagnostics: inout [Diagnostic]) -> [Int] {
        enum Mark { case unvisited, visiting, done }
        var marks = [Mark](repeating: .unvisited, count: dependencies.count)
        var order: [Int] = []
        var reported: Set<Int> = []
        func visit(_ node: Int, path: [Int]) {
            switch marks[node] {
            case .done: return
            case .visiting:
                guard let start = path.firstIndex(of: node) else { return }
                let cycle = Array(path[start...])
                if reported.isDisjoint(with: cycle) {
                    reported.formUnion(cycle)
                    let names = (cycle + [node]).map { criteria[$0].id.value }.joined(separator: " → ")
                    diagnostics.append(Diagnostic(.criteriaCycle, "criteria refer to each other in a cycle: \(names)", at: criteria[cycle.min() ?? node].id.mark))
                }
                return
            case .unvisited:
                marks[node] = .visiting
                for dependency in dependencies[node].sorted() { visit(dependency, path: path + [node]) }
                marks[node] = .done
                order.append(node)
            }
        }
        for node in dependencies.indices { visit(node, path: []) }
        return order
    }
}
