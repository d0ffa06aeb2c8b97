/// The guide's conditions of a whole checklist flattened into one array of operations in
/// prefix order, so a walk visits them by index without retaining anything (the enum tree
/// retained each node's closure and arrays on every visit: most of a call's time).
struct GuideProgram: Sendable {
    struct Op: Sendable {
        enum Kind: UInt8, Sendable { case constant, leaf, finding, and, or, not }
        var kind: Kind
        /// The truth of a constant, the leaf's number, or the criterion of `finding()`.
        var argument: Int32
        /// Operations in this one's subtree, itself included: its operands follow it, each
        /// subtree `size` long.
        var size: Int32
    }

    /// A compiled sub-expression with what it reads (`GuideNode.leaf`).
    final class Leaf: Sendable {
        let node: TruthNode
        let reads: [GuideRead]
        let presence: [Int]
        /// Criteria it reads through `finding()` inside a larger expression.
        let findings: [Int]

        init(node: @escaping TruthNode, reads: [GuideRead], presence: [Int]) {
            self.node = node
            self.reads = reads
            self.presence = presence
            findings = reads.compactMap { if case .finding(let c) = $0 { return c } else { return nil } }
        }
    }

    private(set) var ops: [Op] = []
    private(set) var leaves: [Leaf] = []
    /// `leaves`, referred to without retaining.
    private(set) var leafRefs: [Unmanaged<Leaf>] = []

    /// Appends `node`'s operations; returns the index of its first.
    mutating func append(_ node: GuideNode) -> Int {
        let start = ops.count
        switch node {
        case .constant(let t):
            ops.append(Op(kind: .constant, argument: Int32(t.rawValue), size: 1))
        case .leaf(let closure, let reads, let presence):
            let leaf = Leaf(node: closure, reads: reads, presence: presence)
            leaves.append(leaf)
            leafRefs.append(Unmanaged.passUnretained(leaf))
            ops.append(Op(kind: .leaf, argument: Int32(leaves.count - 1), size: 1))
        case .finding(let c):
            ops.append(Op(kind: .finding, argument: Int32(c), size: 1))
        case .and(let items), .or(let items):
            let kind: Op.Kind
            if case .and = node { kind = .and } else { kind = .or }
            ops.append(Op(kind: kind, argument: 0, size: 1))
            for item in items { _ = append(item) }
            ops[start].size = Int32(ops.count - start)
        case .not(let inner):
            ops.append(Op(kind: .not, argument: 0, size: 1))
            _ = append(inner)
            ops[start].size = Int32(ops.count - start)
        }
        return start
    }
}
