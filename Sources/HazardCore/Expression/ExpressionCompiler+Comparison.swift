extension ExpressionCompiler {
    mutating func compileComparison(_ op: BinaryOperator, _ l: Typed, _ r: Typed, offset: Int) throws(CompileError) -> Typed {
        func result(_ node: @escaping TruthNode) -> Typed { Typed(type: .boolean, node: .truth(node), slot: nil, constant: nil) }
        func simple(_ op: BinaryOperator, _ slot: Int, _ c: Double) -> Typed {
            let comparison = SimpleComparison(op, slot: slot, constant: c)
            return Typed(type: .boolean, node: .truth(comparison?.node ?? Self.slotConstant(op, slot, c)), slot: nil, constant: nil, simple: comparison)
        }
        func mismatch() -> CompileError {
            var message = "cannot compare \(l.type.phrase) with \(r.type.phrase)"
            if (l.type == .date && r.type == .text) || (l.type == .text && r.type == .date) {
                message += "; write a date as date(\"YYYY-MM-DD\")"
            }
            return CompileError(code: .typeMismatch, message: message, offset: offset)
        }
        let ordering = op != .eq && op != .ne

        // count_true(…) against a number: decided as soon as the unknowns cannot change it.
        if l.isCount || r.isCount {
            let (countSide, other, flipped) = l.isCount ? (l, r, false) : (r, l, true)
            guard case .count(let count) = countSide.node, other.type == .number || other.isCount, let n = Self.numberNode(other) else { throw mismatch() }
            return result(Self.countComparison(flipped ? op.flipped : op, count, n))
        }

        switch (l.type, r.type) {
        case (.number, .number), (.date, .date):
            guard let a = Self.numberNode(l), let b = Self.numberNode(r) else { throw mismatch() }
            if let slot = l.slot, case .number(let c)? = r.constant { return simple(op, slot, c) }
            if let slot = l.slot, case .date(let d)? = r.constant { return simple(op, slot, Double(d.daysSinceEpoch)) }
            if let slot = r.slot, case .number(let c)? = l.constant { return simple(op.flipped, slot, c) }
            if let slot = r.slot, case .date(let d)? = l.constant { return simple(op.flipped, slot, Double(d.daysSinceEpoch)) }
            return result(Self.numeric(op, a, b))
        case (.boolean, .boolean):
            guard !ordering, case .truth(let a) = l.node, case .truth(let b) = r.node else { throw mismatch() }
            // `flag == true` is the flag itself: a simple comparison on its slot.
            if let slot = l.slot, case .bool(let c)? = r.constant { return simple(op, slot, c ? 1 : 0) }
            if let slot = r.slot, case .bool(let c)? = l.constant { return simple(op, slot, c ? 1 : 0) }
            let equal = op == .eq
            return result { f in
                let x = a(f), y = b(f)
                if x == .unknown || y == .unknown { return .unknown }
                return Truth((x == y) == equal)
            }
        case (.enumeration(let options), .text) where r.constant != nil,
             (.text, .enumeration(let options)) where l.constant != nil:
            let (subject, literal) = l.constant == nil ? (l, r) : (r, l)
            guard case .string(let value)? = literal.constant else { throw mismatch() }
            guard let index = options.firstIndex(of: value) else {
                throw CompileError(code: .typeMismatch, message: "'\(value)' is not an option here (options: \(options.joined(separator: ", ")))\(Suggestion.hint(for: value, in: options))", offset: offset)
            }
            guard !ordering else {
                throw CompileError(code: .typeMismatch, message: "options can only be compared with == or !=", offset: offset)
            }
            if let slot = subject.slot { return simple(op, slot, Double(index)) }
            guard let n = Self.numberNode(subject) else { throw mismatch() }
            return result(Self.numeric(op, n, { _ in Double(index) }))
        case (.enumeration(let a), .enumeration(let b)) where a == b:
            guard !ordering, let x = Self.numberNode(l), let y = Self.numberNode(r) else { throw mismatch() }
            return result(Self.numeric(op, x, y))
        case (.text, .text), (.enumeration, .text), (.text, .enumeration), (.enumeration, .enumeration):
            guard !ordering, let x = Self.textNode(l), let y = Self.textNode(r) else {
                throw CompileError(code: .typeMismatch, message: "text can only be compared with == or !=", offset: offset)
            }
            let equal = op == .eq
            return result { f in
                guard let a = x(f), let b = y(f) else { return .unknown }
                return Truth((a == b) == equal)
            }
        default:
            throw mismatch()
        }
    }

    /// `slot op constant`, the most common shape of a criterion: one closure, no calls.
    static func slotConstant(_ op: BinaryOperator, _ i: Int, _ c: Double) -> TruthNode {
        switch op {
        case .lt: return { f in f.numbers[i].isNaN ? .unknown : (f.numbers[i] < c ? .yes : .no) }
        case .le: return { f in f.numbers[i].isNaN ? .unknown : (f.numbers[i] <= c ? .yes : .no) }
        case .gt: return { f in f.numbers[i].isNaN ? .unknown : (f.numbers[i] > c ? .yes : .no) }
        case .ge: return { f in f.numbers[i].isNaN ? .unknown : (f.numbers[i] >= c ? .yes : .no) }
        case .eq: return { f in f.numbers[i].isNaN ? .unknown : (f.numbers[i] == c ? .yes : .no) }
        default: return { f in f.numbers[i].isNaN ? .unknown : (f.numbers[i] != c ? .yes : .no) }
        }
    }

    static func numeric(_ op: BinaryOperator, _ a: @escaping NumberNode, _ b: @escaping NumberNode) -> TruthNode {
        let test = op.numericTest
        return { f in
            guard let x = a(f), let y = b(f) else { return .unknown }
            return Truth(test(x, y))
        }
    }

    /// Compares a count known only as a range [low, high] with a number: true when the
    /// comparison holds for every count in the range, false when for none.
    static func countComparison(_ op: BinaryOperator, _ count: @escaping CountNode, _ n: @escaping NumberNode) -> TruthNode {
        let test = op.numericTest
        return { f in
            guard let k = n(f) else { return .unknown }
            let r = count(f)
            let low = test(Double(r.low), k)
            if r.low == r.high { return Truth(low) }
            let high = test(Double(r.high), k)
            switch op {
            case .eq, .ne:
                // Within the range the answer can flip only if k lies inside it.
                let inside = Double(r.low) <= k && k <= Double(r.high)
                return inside ? .unknown : Truth(op == .ne)
            default:
                return low == high ? Truth(low) : .unknown
            }
        }
    }
}

extension BinaryOperator {
    var numericTest: @Sendable (Double, Double) -> Bool {
        switch self {
        case .lt: return { $0 < $1 }
        case .le: return { $0 <= $1 }
        case .gt: return { $0 > $1 }
        case .ge: return { $0 >= $1 }
        case .eq: return { $0 == $1 }
        default: return { $0 != $1 }
        }
    }

    /// The operator with its operands swapped (`a < b` ⇔ `b > a`).
    var flipped: BinaryOperator {
        switch self {
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        default: return self
        }
    }
}
