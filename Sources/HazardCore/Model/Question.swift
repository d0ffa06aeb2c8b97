/// A validated question: what the inspector answers, and the slot its answer occupies.
public struct Question: Sendable, Hashable {
    public var id: QuestionID
    public var label: String
    public var kind: QuestionKind
    public var unit: String?
    public var min: Double?
    public var max: Double?
    public var options: [OptionDefinition]
    /// The record fields of a `list` question.
    public var fields: [Question]
    public var help: String?
    /// Index into `AnswerSlots` (for a field: index within the record).
    public var slot: Int

    /// The static type expressions see.
    public var valueType: ValueType {
        switch kind {
        case .boolean: return .boolean
        case .number, .integer: return .number
        case .date: return .date
        case .text: return .text
        case .enum: return .enumeration(options.map(\.value))
        case .list: return .list(Dictionary(uniqueKeysWithValues: fields.map { ($0.id.rawValue, $0.valueType) }))
        }
    }
}
