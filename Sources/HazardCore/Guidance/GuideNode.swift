/// A condition as `InspectionGuide` reads it: its `and` / `or` / `not` structure kept, so the
/// guide can tell which unanswered inputs can still change it, and every other
/// sub-expression (a comparison, `count_true`, `any`, a plugin function) compiled by
/// `ExpressionCompiler` exactly as the engine compiles it, so both read answers alike.
indirect enum GuideNode: Sendable {
    case constant(Truth)
    /// A compiled sub-expression and what it reads. `presence` holds the questions it asks
    /// `answered()` of: such a leaf is known while they are unanswered, yet answering them
    /// changes it, so the guide counts it unknown until they are answered.
    case leaf(TruthNode, reads: [GuideRead], presence: [Int])
    /// `finding("ID")`, by criterion number.
    case finding(Int)
    case and([GuideNode])
    case or([GuideNode])
    case not(GuideNode)
}

/// Something a leaf reads, by number: question (`Checklist.questions`), fact
/// (`Checklist.factSlots`) or criterion (`Checklist.criteria`).
enum GuideRead: Sendable, Hashable {
    case question(Int)
    case fact(Int)
    case finding(Int)
}

/// Builds `GuideNode`s from a compiled checklist's condition texts.
struct GuideNodeBuilder {
    let environment: ExpressionCompiler.Environment
    let questionIndex: [QuestionID: Int]
    let factIndex: [FactName: Int]
    let criterionIndex: [CriterionID: Int]

    init(_ checklist: Checklist) {
        var functions: [String: PluginFunction] = [:]
        if let plugin = checklist.plugin {
            for function in plugin.functions { functions[plugin.id + "." + function.name] = function }
        }
        environment = ExpressionCompiler.Environment(
            questions: Dictionary(checklist.questions.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first }),
            facts: Dictionary(checklist.factSlots.map { ($0.name.rawValue, (slot: $0.slot, type: $0.type)) }, uniquingKeysWith: { first, _ in first }),
            functions: functions,
            criteria: Dictionary(checklist.criteria.enumerated().map { ($1.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first }),
            pluginID: checklist.plugin?.id)
        questionIndex = checklist.questionIndex
        factIndex = Dictionary(checklist.factSlots.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        criterionIndex = Dictionary(checklist.criteria.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The guide's form of a condition that compiled when the checklist loaded; nil only if
    /// it no longer does (never for a loaded checklist), and the caller falls back then.
    func build(_ text: String) -> GuideNode? {
        guard let expr = try? Parser.parse(text) else { return nil }
        return build(expr)
    }

    private func build(_ expr: Expr) -> GuideNode? {
        switch expr {
        case .binary(.and, let left, let right, _):
            guard let l = build(left), let r = build(right) else { return nil }
            return .and(Self.flatten(l, r, and: true))
        case .binary(.or, let left, let right, _):
            guard let l = build(left), let r = build(right) else { return nil }
            return .or(Self.flatten(l, r, and: false))
        case .not(let inner, _):
            return build(inner).map(GuideNode.not)
        case .bool(let b, _):
            return .constant(Truth(b))
        case .call("finding", let args, _):
            if args.count == 1, case .string(let id, _) = args[0], let index = criterionIndex[CriterionID(id)] { return .finding(index) }
            return leaf(expr)
        default:
            return leaf(expr)
        }
    }

    private static func flatten(_ l: GuideNode, _ r: GuideNode, and: Bool) -> [GuideNode] {
        func parts(_ node: GuideNode) -> [GuideNode] {
            switch (node, and) {
            case (.and(let items), true), (.or(let items), false): return items
            default: return [node]
            }
        }
        return parts(l) + parts(r)
    }

    private func leaf(_ expr: Expr) -> GuideNode? {
        var compiler = ExpressionCompiler(environment: environment)
        guard let node = try? compiler.truth(expr, role: "a condition") else { return nil }
        let reads: [GuideRead] = compiler.inputs.compactMap { input in
            switch input {
            case .question(let id): return questionIndex[id].map(GuideRead.question)
            case .fact(let name): return factIndex[name].map(GuideRead.fact)
            case .finding(let id): return criterionIndex[id].map(GuideRead.finding)
            }
        }
        var presence: [Int] = []
        Self.answeredQuestions(in: expr) { name in
            if let q = questionIndex[QuestionID(name)], !presence.contains(q) { presence.append(q) }
        }
        return .leaf(node, reads: reads, presence: presence)
    }

    /// Calls `found` with every name `answered(…)` is asked of in `expr`. A record field named
    /// like a question is taken for the question: that only makes the guide ask more.
    private static func answeredQuestions(in expr: Expr, _ found: (String) -> Void) {
        switch expr {
        case .call(let name, let args, _):
            if name == "answered", args.count == 1, case .identifier(let id, _) = args[0] { found(id) }
            for arg in args { answeredQuestions(in: arg, found) }
        case .not(let inner, _), .negate(let inner, _):
            answeredQuestions(in: inner, found)
        case .binary(_, let l, let r, _):
            answeredQuestions(in: l, found)
            answeredQuestions(in: r, found)
        case .membership(let subject, let items, _, _):
            answeredQuestions(in: subject, found)
            for item in items { answeredQuestions(in: item, found) }
        case .number, .string, .bool, .identifier, .member:
            break
        }
    }
}
