/// `slot op constant`: the shape of most criteria. Kept as data (not only as a closure) so
/// `and`/`or` can evaluate it inline instead of through a call.
struct SimpleComparison: Sendable {
    enum Operator: UInt8, Sendable { case lt, le, gt, ge, eq, ne }

    let slot: Int
    let op: Operator
    let constant: Double

    init?(_ op: BinaryOperator, slot: Int, constant: Double) {
        switch op {
        case .lt: self.op = .lt
        case .le: self.op = .le
        case .gt: self.op = .gt
        case .ge: self.op = .ge
        case .eq: self.op = .eq
        case .ne: self.op = .ne
        default: return nil
        }
        self.slot = slot
        self.constant = constant
    }

    @inline(__always)
    func evaluate(_ f: Frame) -> Truth {
        let x = f.numbers[slot]
        if x.isNaN { return .unknown }
        let result: Bool
        switch op {
        case .lt: result = x < constant
        case .le: result = x <= constant
        case .gt: result = x > constant
        case .ge: result = x >= constant
        case .eq: result = x == constant
        case .ne: result = x != constant
        }
        return result ? .yes : .no
    }

    var node: TruthNode {
        let s = self
        return { f in s.evaluate(f) }
    }
}
