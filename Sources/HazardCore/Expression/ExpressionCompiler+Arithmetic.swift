extension ExpressionCompiler {
    mutating func compileArithmetic(_ op: BinaryOperator, _ l: Typed, _ r: Typed, offset: Int) throws(CompileError) -> Typed {
        let lt: ValueType = l.isCount ? .number : l.type
        let rt: ValueType = r.isCount ? .number : r.type
        let resultType: ValueType
        switch (lt, rt, op) {
        case (.number, .number, _): resultType = .number
        case (.date, .date, .subtract): resultType = .number          // days between
        case (.date, .number, .add), (.date, .number, .subtract): resultType = .date  // a date moved by days
        default:
            throw CompileError(code: .typeMismatch, message: "cannot apply '\(op.rawValue)' to \(l.type.phrase) and \(r.type.phrase)", offset: offset)
        }
        guard let a = Self.numberNode(l), let b = Self.numberNode(r) else {
            throw CompileError(code: .typeMismatch, message: "cannot apply '\(op.rawValue)' here", offset: offset)
        }
        let node: NumberNode
        switch op {
        case .add: node = { f in guard let x = a(f), let y = b(f) else { return nil }; return x + y }
        case .subtract: node = { f in guard let x = a(f), let y = b(f) else { return nil }; return x - y }
        case .multiply: node = { f in guard let x = a(f), let y = b(f) else { return nil }; return x * y }
        default:
            // Division by zero has no answer: unknown, not infinity.
            node = { f in guard let x = a(f), let y = b(f), y != 0 else { return nil }; return x / y }
        }
        return Typed(type: resultType, node: .number(node), slot: nil, constant: nil)
    }

    mutating func compileMembership(_ subject: Typed, _ items: [Expr], negated: Bool, offset: Int) throws(CompileError) -> Typed {
        var numbers: [Double] = []
        var texts: [String] = []
        for item in items {
            let typed = try compile(item)
            switch (subject.type, typed.constant) {
            case (.enumeration(let options), .string(let s)?):
                guard let index = options.firstIndex(of: s) else {
                    throw CompileError(code: .typeMismatch, message: "'\(s)' is not an option here (options: \(options.joined(separator: ", ")))\(Suggestion.hint(for: s, in: options))", offset: item.offset)
                }
                numbers.append(Double(index))
            case (.number, .number(let n)?): numbers.append(n)
            case (.date, .date(let d)?): numbers.append(Double(d.daysSinceEpoch))
            case (.text, .string(let s)?): texts.append(s)
            default:
                throw CompileError(code: .typeMismatch, message: "'in' needs a list of literals of the same type as \(subject.type.phrase)", offset: item.offset)
            }
        }
        let node: TruthNode
        let numberSet = numbers
        if subject.type == .text, let text = Self.textNode(subject) {
            let set = Set(texts)
            node = { f in text(f).map { Truth(set.contains($0) != negated) } ?? .unknown }
        } else if let number = Self.numberNode(subject) {
            node = { f in number(f).map { Truth(numberSet.contains($0) != negated) } ?? .unknown }
        } else {
            throw CompileError(code: .typeMismatch, message: "'in' cannot test \(subject.type.phrase)", offset: offset)
        }
        return Typed(type: .boolean, node: .truth(node), slot: nil, constant: nil)
    }
}
