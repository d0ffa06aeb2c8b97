extension ExpressionCompiler {
    static let builtins = ["finding", "count_true", "days_since", "any", "all", "count", "sum", "answered", "date", "min", "max"]

    mutating func compileCall(_ name: String, _ args: [Expr], offset: Int) throws(CompileError) -> Typed {
        func arity(_ n: Int) throws(CompileError) {
            guard args.count == n else {
                throw CompileError(code: .typeMismatch, message: "\(name)() takes \(n) argument\(n == 1 ? "" : "s"), not \(args.count)", offset: offset)
            }
        }
        switch name {
        case "finding":
            try arity(1)
            guard case .string(let id, let argOffset) = args[0] else {
                throw CompileError(code: .typeMismatch, message: "finding() takes a criterion id in quotes, e.g. finding(\"FS-7.3.6\")", offset: args[0].offset)
            }
            guard let index = environment.criteria[id] else {
                let hint = Suggestion.hint(for: id, in: environment.criteria.keys)
                throw CompileError(code: .unknownCriterion, message: "finding() names unknown criterion '\(id)'\(hint)", offset: argOffset)
            }
            dependencies.insert(index)
            note(.finding(CriterionID(id)))
            return Typed(type: .boolean, node: .truth({ f in
                switch f.statuses[index] {
                case FindingStatus.major.code, FindingStatus.general.code: return .yes
                case FindingStatus.unanswered.code: return .unknown
                default: return .no
                }
            }), slot: nil, constant: nil)

        case "count_true":
            guard !args.isEmpty else { throw CompileError(code: .typeMismatch, message: "count_true() needs at least one argument", offset: offset) }
            var nodes: [TruthNode] = []
            for arg in args { nodes.append(try truth(arg, role: "count_true()")) }
            let all = nodes
            return Typed(type: .number, node: .count({ f in
                var low = 0, unknown = 0
                for node in all {
                    switch node(f) { case .yes: low += 1; case .unknown: unknown += 1; case .no: break }
                }
                return (low, low + unknown)
            }), slot: nil, constant: nil)

        case "days_since":
            try arity(1)
            let typed = try compile(args[0])
            guard typed.type == .date, let day = Self.numberNode(typed) else {
                throw CompileError(code: .typeMismatch, message: "days_since() needs a date, but this is \(typed.type.phrase)", offset: args[0].offset)
            }
            return Typed(type: .number, node: .number({ f in
                guard !f.today.isNaN, let d = day(f) else { return nil }
                return f.today - d
            }), slot: nil, constant: nil)

        case "date":
            try arity(1)
            guard case .string(let text, let argOffset) = args[0], let day = Day(iso: text) else {
                throw CompileError(code: .typeMismatch, message: "date() takes a literal \"YYYY-MM-DD\"", offset: args[0].offset)
            }
            _ = argOffset
            let n = Double(day.daysSinceEpoch)
            return Typed(type: .date, node: .number({ _ in n }), slot: nil, constant: .date(day))

        case "answered":
            try arity(1)
            guard case .identifier(let id, let argOffset) = args[0] else {
                throw CompileError(code: .typeMismatch, message: "answered() takes a question id", offset: args[0].offset)
            }
            if let field = record?[id] {
                if !recordFieldsRead.contains(id) { recordFieldsRead.append(id) }
                let j = field.slot
                return Typed(type: .boolean, node: .truth({ f in
                    guard let numbers = f.recordNumbers else { return .no }
                    return Truth(!numbers[j].isNaN)
                }), slot: nil, constant: nil)
            }
            guard let question = environment.questions[id] else {
                throw CompileError(code: .unknownIdentifier, message: "unknown question '\(id)'\(Suggestion.hint(for: id, in: environment.questions.keys))", offset: argOffset)
            }
            note(.question(question.id))
            let i = question.slot
            return Typed(type: .boolean, node: .truth({ f in Truth(!f.numbers[i].isNaN) }), slot: nil, constant: nil)

        case "any", "all", "count", "sum":
            return try compileListFunction(name, args, offset: offset)

        case "min", "max":
            guard !args.isEmpty else { throw CompileError(code: .typeMismatch, message: "\(name)() needs at least one argument", offset: offset) }
            var nodes: [NumberNode] = []
            for arg in args { nodes.append(try number(arg, role: "\(name)()")) }
            let all = nodes, isMin = name == "min"
            return Typed(type: .number, node: .number({ f in
                var best: Double?
                for node in all {
                    guard let v = node(f) else { return nil }
                    best = best.map { isMin ? Swift.min($0, v) : Swift.max($0, v) } ?? v
                }
                return best
            }), slot: nil, constant: nil)

        default:
            if let function = environment.functions[name] { return try compilePluginCall(function, name: name, args, offset: offset) }
            let hint = Suggestion.hint(for: name, in: Self.builtins + Array(environment.functions.keys))
            throw CompileError(code: .unknownIdentifier, message: "unknown function '\(name)'\(hint)", offset: offset)
        }
    }

    private mutating func compileListFunction(_ name: String, _ args: [Expr], offset: Int) throws(CompileError) -> Typed {
        guard args.count == 2 else {
            throw CompileError(code: .typeMismatch, message: "\(name)() takes a list question and a condition, e.g. \(name)(inventory, quantity_t > 10)", offset: offset)
        }
        guard record == nil else {
            throw CompileError(code: .typeMismatch, message: "\(name)() cannot be nested inside another list function", offset: offset)
        }
        let list = try compile(args[0])
        guard case .list(let slot, let fields) = list.node else {
            throw CompileError(code: .typeMismatch, message: "\(name)() needs a list question first, but this is \(list.type.phrase)", offset: args[0].offset)
        }
        var inner = self
        inner.record = Dictionary(uniqueKeysWithValues: fields.map { ($0.id.rawValue, $0) })
        inner.recordFieldsRead = []
        defer {
            inputs = inner.inputs
            dependencies = inner.dependencies
            probes = inner.probes
        }
        let fieldCount = fields.count
        @Sendable func rows(_ f: Frame, _ body: (Frame) -> Bool) {
            guard let table = f.lists[slot], table.count > 0 else { return }
            table.numbers.withUnsafeBufferPointer { numbers in
                table.texts.withUnsafeBufferPointer { texts in
                    guard let n = numbers.baseAddress, let t = texts.baseAddress else { return }
                    var g = f
                    for row in 0..<table.count {
                        let base = row * fieldCount
                        g.recordNumbers = n + base
                        g.recordTexts = t + base
                        if !body(g) { return }
                    }
                }
            }
        }
        if name == "sum" {
            let value = try inner.number(args[1], role: "sum()")
            return Typed(type: .number, node: .number({ f in
                guard f.lists[slot] != nil else { return nil }
                var total: Double? = 0
                rows(f) { g in
                    guard let v = value(g) else { total = nil; return false }
                    total? += v
                    return true
                }
                return total
            }), slot: nil, constant: nil)
        }
        let condition = try inner.truth(args[1], role: "\(name)()")
        if case .identifier(let id, _) = args[0], let function = MatchedRow.Function(rawValue: name) {
            inner.probes.append(ListProbe(function: function, question: QuestionID(id), slot: slot, fields: fields,
                                          read: inner.recordFieldsRead, condition: condition))
        }
        switch name {
        case "any":
            return Typed(type: .boolean, node: .truth({ f in
                guard f.lists[slot] != nil else { return .unknown }
                var result = Truth.no
                rows(f) { g in
                    switch condition(g) {
                    case .yes: result = .yes; return false
                    case .unknown: result = .unknown; return true
                    case .no: return true
                    }
                }
                return result
            }), slot: nil, constant: nil)
        case "all":
            return Typed(type: .boolean, node: .truth({ f in
                guard f.lists[slot] != nil else { return .unknown }
                var result = Truth.yes
                rows(f) { g in
                    switch condition(g) {
                    case .no: result = .no; return false
                    case .unknown: result = .unknown; return true
                    case .yes: return true
                    }
                }
                return result
            }), slot: nil, constant: nil)
        default:
            return Typed(type: .number, node: .count({ f in
                guard f.lists[slot] != nil else { return (0, Int.max / 2) }
                var low = 0, unknown = 0
                rows(f) { g in
                    switch condition(g) { case .yes: low += 1; case .unknown: unknown += 1; case .no: break }
                    return true
                }
                return (low, low + unknown)
            }), slot: nil, constant: nil)
        }
    }

    private mutating func compilePluginCall(_ function: PluginFunction, name: String, _ args: [Expr], offset: Int) throws(CompileError) -> Typed {
        guard args.count == function.parameters.count else {
            throw CompileError(code: .typeMismatch, message: "\(name)() takes \(function.parameters.count) argument(s), not \(args.count)", offset: offset)
        }
        var nodes: [ValueNode] = []
        for (arg, parameter) in zip(args, function.parameters) {
            let typed = try compile(arg)
            let fits: Bool
            switch (parameter, typed.type) {
            case (.text, .enumeration), (.number, .number): fits = true
            default: fits = parameter == typed.type || (parameter == .number && typed.isCount)
            }
            guard fits else {
                throw CompileError(code: .typeMismatch, message: "\(name)() expects \(parameter.phrase) here, but this is \(typed.type.phrase)", offset: arg.offset)
            }
            nodes.append(Self.valueNode(typed))
        }
        let body = function.body, argumentNodes = nodes
        let call: ValueNode = { f in body(argumentNodes.map { $0(f) }) }
        switch function.result {
        case .boolean:
            return Typed(type: .boolean, node: .truth({ f in call(f)?.bool.map(Truth.init) ?? .unknown }), slot: nil, constant: nil)
        case .number:
            return Typed(type: .number, node: .number({ f in call(f)?.number }), slot: nil, constant: nil)
        case .date:
            return Typed(type: .date, node: .number({ f in call(f)?.date.map { Double($0.daysSinceEpoch) } }), slot: nil, constant: nil)
        case .text:
            return Typed(type: .text, node: .text({ f in call(f)?.string }), slot: nil, constant: nil)
        case .enumeration(let options):
            return Typed(type: function.result, node: .number({ f in
                call(f)?.string.flatMap { options.firstIndex(of: $0) }.map(Double.init)
            }), slot: nil, constant: nil)
        case .list:
            throw CompileError(code: .typeMismatch, message: "plugin function \(name)() returns a list, which expressions cannot use", offset: offset)
        }
    }
}
