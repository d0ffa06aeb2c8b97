/// The static type of an answer, fact or expression.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case boolean
    case number
    case date
    case text
    /// A string restricted to the listed option values.
    case enumeration([String])
    /// A list of records with the named, typed fields.
    case list([String: ValueType])

    public var description: String {
        switch self {
        case .boolean: return "boolean"
        case .number: return "number"
        case .date: return "date"
        case .text: return "text"
        case .enumeration(let options): return "enum(" + options.joined(separator: ", ") + ")"
        case .list: return "list"
        }
    }

    /// Whether values of the two types can be compared with `==`/`<`.
    var isStringLike: Bool {
        switch self { case .text, .enumeration: return true; default: return false }
    }
}
