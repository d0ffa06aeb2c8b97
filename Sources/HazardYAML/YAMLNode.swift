public import HazardCore

/// A YAML node with the position it was read at. Keys of mappings are scalars (checklists
/// and answers never need complex keys), kept in document order.
public struct YAMLNode: Sendable {
    public enum Style: Sendable { case plain, quoted, block }

    public indirect enum Kind: Sendable {
        case scalar(String, Style)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    public struct Pair: Sendable {
        public var key: String
        public var keyMark: SourceMark
        public var value: YAMLNode
    }

    public var kind: Kind
    public var mark: SourceMark
    /// Where a scalar's text begins (after a quote, or on the first line of a block scalar).
    public var contentMark: SourceMark
    /// A scalar as written from `contentMark` on, when its text is not simply the characters
    /// there: it spans lines (folded, indented) or is quoted (escapes). Nil otherwise.
    public var source: ExpressionSource.Written?

    /// True for `~`, `null`, an empty plain scalar.
    public var isNull: Bool {
        if case .scalar(let text, .plain) = kind { return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL" }
        return false
    }

    public var typeName: String {
        switch kind {
        case .scalar: return isNull ? "null" : "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// The node as an untyped answer, for the questions to type.
    ///
    /// Iterative, with its own stack of open lists and mappings: one recursive call per
    /// level took about 2 KiB of stack in a debug build, so even the 256 levels the parser
    /// allows at most (`YAMLLimits.depthCeiling`) overflowed a 512 KiB thread stack. The
    /// parser's node limit (aliases counted in full) bounds how large the result can be.
    public var answerInput: AnswerInput {
        guard case .scalar = kind else { return Self.assemble(self) }
        return scalarInput
    }

    /// A scalar's answer: null, or plain or quoted text.
    private var scalarInput: AnswerInput {
        guard case .scalar(let text, let style) = kind, !isNull else { return AnswerInput(.null, mark: mark) }
        return AnswerInput(style == .plain ? .plain(text) : .string(text), mark: mark)
    }

    /// A list or mapping being converted: its children's answers so far.
    private struct Frame {
        let node: YAMLNode
        var converted: [AnswerInput] = []
    }

    /// Converts a list or mapping depth-first, children before their parent.
    private static func assemble(_ root: YAMLNode) -> AnswerInput {
        var stack = [Frame(node: root)]
        while let top = stack.indices.last {
            let next = stack[top].converted.count
            let child: YAMLNode?
            switch stack[top].node.kind {
            case .sequence(let items): child = next < items.count ? items[next] : nil
            case .mapping(let pairs): child = next < pairs.count ? pairs[next].value : nil
            case .scalar: child = nil
            }
            if let child {
                if case .scalar = child.kind {
                    stack[top].converted.append(child.scalarInput)
                } else {
                    stack.append(Frame(node: child))
                }
                continue
            }
            let frame = stack.removeLast()
            let done: AnswerInput
            if case .mapping(let pairs) = frame.node.kind {
                done = AnswerInput(.mapping(zip(pairs, frame.converted).map { (key: $0.key, value: $1) }), mark: frame.node.mark)
            } else {
                done = AnswerInput(.sequence(frame.converted), mark: frame.node.mark)
            }
            guard let parent = stack.indices.last else { return done }
            stack[parent].converted.append(done)
        }
        return AnswerInput(.null, mark: root.mark)  // not reached: the loop returns when it closes the root
    }
}
