/// Type-checks an expression against the checklist's questions, facts and criteria, and
/// compiles it into closures that read answer slots by index.
///
/// Runs once per expression when the checklist loads; evaluation never re-parses.
struct ExpressionCompiler {
    struct Environment {
        var questions: [String: Question]
        var facts: [String: (slot: Int, type: ValueType)]
        var functions: [String: PluginFunction]
        var criteria: [String: Int]
        var pluginID: String?
    }

    let environment: Environment
    /// Fields of the record being iterated by `any`/`all`/`count`/`sum`.
    var record: [String: Question]?
    /// What the expression reads, in order: becomes the finding's evidence.
    var inputs: [EvidenceSource] = []
    /// Criteria this expression depends on through `finding()`.
    var dependencies: Set<Int> = []
    /// The list functions met, kept to explain findings (`ListProbe`).
    var probes: [ListProbe] = []
    /// Record fields the current list function's condition reads, in order of first mention.
    var recordFieldsRead: [String] = []

    init(environment: Environment) { self.environment = environment }

    /// Compiles a condition, which must be true/false.
    mutating func compileCondition(_ expr: Expr) throws(CompileError) -> TruthNode {
        let typed = try compile(expr)
        guard case .truth(let node) = typed.node else {
            throw CompileError(code: .typeMismatch, message: "a condition must be true or false, but this is \(typed.type.phrase)", offset: expr.offset)
        }
        return node
    }

    mutating func note(_ source: EvidenceSource) {
        if !inputs.contains(source) { inputs.append(source) }
    }

    mutating func compile(_ expr: Expr) throws(CompileError) -> Typed {
        switch expr {
        case .number(let n, _):
            return .constantNumber(n)
        case .string(let s, _):
            return Typed(type: .text, node: .text({ _ in s }), slot: nil, constant: .string(s))
        case .bool(let b, _):
            let t = Truth(b)
            return Typed(type: .boolean, node: .truth({ _ in t }), slot: nil, constant: .bool(b))
        case .identifier(let name, let offset):
            return try compileIdentifier(name, offset: offset)
        case .member(let plugin, let fact, let offset):
            return try compileFact(plugin: plugin, fact: fact, offset: offset)
        case .call(let name, let args, let offset):
            return try compileCall(name, args, offset: offset)
        case .not(let inner, _):
            let node = try truth(inner, role: "'not'")
            return Typed(type: .boolean, node: .truth({ f in !node(f) }), slot: nil, constant: nil)
        case .negate(let inner, _):
            let node = try number(inner, role: "'-'")
            return Typed(type: .number, node: .number({ f in node(f).map { -$0 } }), slot: nil, constant: nil)
        case .binary(let op, let left, let right, let offset):
            switch op {
            case .and, .or:
                let l = try compile(left), r = try compile(right)
                guard case .truth(let ln) = l.node, case .truth(let rn) = r.node else {
                    let bad = l.type == .boolean ? (right, r) : (left, l)
                    throw CompileError(code: .typeMismatch, message: "'\(op.rawValue)' needs true/false values, but this is \(bad.1.type.phrase)", offset: bad.0.offset)
                }
                let node = op == .and ? Self.and(l.simple, ln, r.simple, rn) : Self.or(l.simple, ln, r.simple, rn)
                return Typed(type: .boolean, node: .truth(node), slot: nil, constant: nil)
            case .add, .subtract, .multiply, .divide:
                return try compileArithmetic(op, try compile(left), try compile(right), offset: offset)
            default:
                return try compileComparison(op, try compile(left), try compile(right), offset: offset)
            }
        case .membership(let subject, let items, let negated, let offset):
            return try compileMembership(try compile(subject), items, negated: negated, offset: offset)
        }
    }

    // MARK: Names

    private mutating func compileIdentifier(_ name: String, offset: Int) throws(CompileError) -> Typed {
        if let field = record?[name] {
            if !recordFieldsRead.contains(name) { recordFieldsRead.append(name) }
            return Self.fieldReader(field)
        }
        if let question = environment.questions[name] {
            note(.question(question.id))
            return Self.slotReader(question)
        }
        var candidates = Array(environment.questions.keys)
        if let record { candidates += record.keys }
        let hint = Suggestion.hint(for: name, in: candidates)
        throw CompileError(code: .unknownIdentifier, message: "unknown question '\(name)'\(hint)", offset: offset)
    }

    private mutating func compileFact(plugin: String, fact: String, offset: Int) throws(CompileError) -> Typed {
        let name = plugin + "." + fact
        guard let entry = environment.facts[name] else {
            if plugin != environment.pluginID {
                let known = environment.pluginID.map { "; this checklist's plugin is '\($0)'" } ?? "; this checklist names no plugin"
                throw CompileError(code: .unknownIdentifier, message: "unknown fact '\(name)'\(known)", offset: offset)
            }
            let hint = Suggestion.hint(for: name, in: environment.facts.keys)
            throw CompileError(code: .unknownIdentifier, message: "plugin '\(plugin)' declares no fact '\(fact)'\(hint)", offset: offset)
        }
        note(.fact(FactName(rawValue: name)))
        return Self.slotReader(slot: entry.slot, type: entry.type)
    }

    // MARK: Readers

    static func slotReader(_ question: Question) -> Typed {
        if question.kind == .list {
            return Typed(type: question.valueType, node: .list(slot: question.slot, fields: question.fields), slot: question.slot, constant: nil)
        }
        return slotReader(slot: question.slot, type: question.valueType)
    }

    static func slotReader(slot i: Int, type: ValueType) -> Typed {
        switch type {
        case .boolean:
            let simple = SimpleComparison(.ne, slot: i, constant: 0)
            return Typed(type: type, node: .truth({ f in let x = f.numbers[i]; return x.isNaN ? .unknown : (x != 0 ? .yes : .no) }), slot: i, constant: nil, simple: simple)
        case .number, .date, .enumeration:
            return Typed(type: type, node: .number({ f in let x = f.numbers[i]; return x.isNaN ? nil : x }), slot: i, constant: nil)
        case .text:
            return Typed(type: type, node: .text({ f in f.numbers[i].isNaN ? nil : f.texts[i] }), slot: i, constant: nil)
        case .list:
            // Facts are never lists (rejected when the plugin is bound); questions take the branch above.
            return Typed(type: type, node: .list(slot: i, fields: []), slot: i, constant: nil)
        }
    }

    static func fieldReader(_ field: Question) -> Typed {
        let j = field.slot
        let type = field.valueType
        switch type {
        case .boolean:
            return Typed(type: type, node: .truth({ f in
                guard let numbers = f.recordNumbers, !numbers[j].isNaN else { return .unknown }
                return numbers[j] != 0 ? .yes : .no
            }), slot: nil, constant: nil)
        case .number, .date, .enumeration:
            return Typed(type: type, node: .number({ f in
                guard let numbers = f.recordNumbers, !numbers[j].isNaN else { return nil }
                return numbers[j]
            }), slot: nil, constant: nil)
        case .text, .list:
            return Typed(type: .text, node: .text({ f in
                guard let texts = f.recordTexts else { return nil }
                return texts[j]
            }), slot: nil, constant: nil)
        }
    }

    // MARK: Coercions

    mutating func truth(_ expr: Expr, role: String) throws(CompileError) -> TruthNode {
        let typed = try compile(expr)
        guard case .truth(let node) = typed.node else {
            throw CompileError(code: .typeMismatch, message: "\(role) needs a true/false value, but this is \(typed.type.phrase)", offset: expr.offset)
        }
        return node
    }

    mutating func number(_ expr: Expr, role: String) throws(CompileError) -> NumberNode {
        let typed = try compile(expr)
        guard typed.type == .number, let node = Self.numberNode(typed) else {
            throw CompileError(code: .typeMismatch, message: "\(role) needs a number, but this is \(typed.type.phrase)", offset: expr.offset)
        }
        return node
    }

    /// The numeric reading of numbers, dates, enum indexes and (exact) counts.
    static func numberNode(_ typed: Typed) -> NumberNode? {
        switch typed.node {
        case .number(let n): return n
        case .count(let c): return { f in let r = c(f); return r.low == r.high ? Double(r.low) : nil }
        default: return nil
        }
    }

    /// Any typed expression as a plain `Value`, for plugin function arguments.
    static func valueNode(_ typed: Typed) -> ValueNode {
        switch (typed.node, typed.type) {
        case (.truth(let t), _):
            return { f in let v = t(f); return v == .unknown ? nil : .bool(v == .yes) }
        case (.number(let n), .date):
            return { f in n(f).map { .date(Day(daysSinceEpoch: Int($0))) } }
        case (.number(let n), .enumeration(let options)):
            return { f in n(f).flatMap { Int(exactly: $0) }.flatMap { options.indices.contains($0) ? .string(options[$0]) : nil } }
        case (.number(let n), _):
            return { f in n(f).map { .number($0) } }
        case (.text(let t), _):
            return { f in t(f).map { .string($0) } }
        case (.count(let c), _):
            return { f in let r = c(f); return r.low == r.high ? .number(Double(r.low)) : nil }
        case (.list, _):
            return { _ in nil }
        }
    }

    /// A text reading of text and enum values.
    static func textNode(_ typed: Typed) -> TextNode? {
        switch (typed.node, typed.type) {
        case (.text(let t), _): return t
        case (.number(let n), .enumeration(let options)):
            return { f in n(f).flatMap { Int(exactly: $0) }.flatMap { options.indices.contains($0) ? options[$0] : nil } }
        default: return nil
        }
    }

    // MARK: Logic

    /// `and`, with simple comparisons evaluated inline rather than through a closure call.
    static func and(_ ls: SimpleComparison?, _ l: @escaping TruthNode, _ rs: SimpleComparison?, _ r: @escaping TruthNode) -> TruthNode {
        switch (ls, rs) {
        case let (a?, b?):
            return { f in
                let x = a.evaluate(f)
                if x == .no { return .no }
                let y = b.evaluate(f)
                if y == .no { return .no }
                return x == .yes && y == .yes ? .yes : .unknown
            }
        case let (a?, nil):
            return { f in
                let x = a.evaluate(f)
                if x == .no { return .no }
                let y = r(f)
                if y == .no { return .no }
                return x == .yes && y == .yes ? .yes : .unknown
            }
        case let (nil, b?):
            return { f in
                let x = l(f)
                if x == .no { return .no }
                let y = b.evaluate(f)
                if y == .no { return .no }
                return x == .yes && y == .yes ? .yes : .unknown
            }
        case (nil, nil):
            return and(l, r)
        }
    }

    /// `or`, with simple comparisons evaluated inline.
    static func or(_ ls: SimpleComparison?, _ l: @escaping TruthNode, _ rs: SimpleComparison?, _ r: @escaping TruthNode) -> TruthNode {
        switch (ls, rs) {
        case let (a?, b?):
            return { f in
                let x = a.evaluate(f)
                if x == .yes { return .yes }
                let y = b.evaluate(f)
                if y == .yes { return .yes }
                return x == .no && y == .no ? .no : .unknown
            }
        case let (a?, nil):
            return { f in
                let x = a.evaluate(f)
                if x == .yes { return .yes }
                let y = r(f)
                if y == .yes { return .yes }
                return x == .no && y == .no ? .no : .unknown
            }
        case let (nil, b?):
            return { f in
                let x = l(f)
                if x == .yes { return .yes }
                let y = b.evaluate(f)
                if y == .yes { return .yes }
                return x == .no && y == .no ? .no : .unknown
            }
        case (nil, nil):
            return or(l, r)
        }
    }

    static func and(_ l: @escaping TruthNode, _ r: @escaping TruthNode) -> TruthNode {
        { f in
            let a = l(f)
            if a == .no { return .no }
            let b = r(f)
            if b == .no { return .no }
            return a == .yes && b == .yes ? .yes : .unknown
        }
    }

    static func or(_ l: @escaping TruthNode, _ r: @escaping TruthNode) -> TruthNode {
        { f in
            let a = l(f)
            if a == .yes { return .yes }
            let b = r(f)
            if b == .yes { return .yes }
            return a == .no && b == .no ? .no : .unknown
        }
    }
}
