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
    /// Recursive, one call per level: safe because the parser refuses trees deeper than
    /// `YAMLLimits.depthCeiling` (256) and, aliases counted in full, larger than `maxNodes`, so
    /// neither this expansion nor the resulting tree's deallocation can run away.
    public var answerInput: AnswerInput {
        switch kind {
        case .scalar(let text, let style):
            if isNull { return AnswerInput(.null, mark: mark) }
            return AnswerInput(style == .plain ? .plain(text) : .string(text), mark: mark)
        case .sequence(let items):
            return AnswerInput(.sequence(items.map(\.answerInput)), mark: mark)
        case .mapping(let pairs):
            return AnswerInput(.mapping(pairs.map { (key: $0.key, value: $0.value.answerInput) }), mark: mark)
        }
    }
}
