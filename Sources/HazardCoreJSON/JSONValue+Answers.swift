public import HazardCore
public import HazardJSON

extension JSONValue {
    /// The untyped answer tree the engine checks against a checklist's questions.
    /// Numbers become `Double` here, at the engine's boundary, and not before; one not written
    /// as a 64-bit integer (`1e2`, `2.0`, `1e30`) is marked `.decimal` so an `integer`
    /// question can refuse it.
    public var answerInput: AnswerInput { answerInput(top: true) }

    private func answerInput(top: Bool) -> AnswerInput {
        switch self {
        case .null: return AnswerInput(.null)
        case .bool(let b): return AnswerInput(.bool(b))
        case .number(let n): return AnswerInput(n.int64 != nil ? .number(n.double) : .decimal(n.double))
        case .string(let s): return AnswerInput(.string(s))
        case .array(let items): return AnswerInput(.sequence(items.map { $0.answerInput(top: false) }))
        case .object(let members):
            // A repeated key keeps its first value, as JSON lookups do. The engine's binder
            // does that for the answers object itself (cheaply, by question number); records
            // in lists are deduplicated here.
            var pairs: [(key: String, value: AnswerInput)] = []
            pairs.reserveCapacity(members.count)
            for (k, member) in members.enumerated() where top || !members[..<k].contains(where: { $0.key == member.key }) {
                pairs.append((key: member.key, value: member.value.answerInput(top: false)))
            }
            return AnswerInput(.mapping(pairs))
        }
    }
}
