public import HazardCore

extension JSONValue {
    /// The untyped answer tree the engine checks against a checklist's questions.
    /// Numbers become `Double` here, at the engine's boundary, and not before.
    public var answerInput: AnswerInput {
        switch self {
        case .null: return AnswerInput(.null)
        case .bool(let b): return AnswerInput(.bool(b))
        case .number(let n): return AnswerInput(.number(n.double))
        case .string(let s): return AnswerInput(.string(s))
        case .array(let items): return AnswerInput(.sequence(items.map(\.answerInput)))
        case .object(let members):
            // The engine wants unique keys; a later duplicate would silently win elsewhere, so keep the first.
            var seen = Set<String>()
            var pairs: [(key: String, value: AnswerInput)] = []
            pairs.reserveCapacity(members.count)
            for member in members where seen.insert(member.key).inserted {
                pairs.append((key: member.key, value: member.value.answerInput))
            }
            return AnswerInput(.mapping(pairs))
        }
    }
}
