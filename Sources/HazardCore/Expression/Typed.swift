/// A type-checked, compiled sub-expression: its static type and the closure computing it.
struct Typed: Sendable {
    enum Node: Sendable {
        case truth(TruthNode)
        /// Numbers, dates (epoch days) and enum values (option index).
        case number(NumberNode)
        case text(TextNode)
        case count(CountNode)
        /// A list answer; only `any`/`all`/`count`/`sum` take it.
        case list(slot: Int, fields: [Question])
    }

    var type: ValueType
    var node: Node
    /// Set when the value is read straight from a top-level slot (lets comparisons with a
    /// constant compile to one closure).
    var slot: Int?
    /// Set for literals.
    var constant: Value?
    /// Set for `slot op constant` conditions (and boolean slots), which `and`/`or` inline.
    var simple: SimpleComparison? = nil
    /// Set for `count_true(…)`.
    var isCount: Bool { if case .count = node { return true }; return false }

    static func constantNumber(_ n: Double) -> Typed {
        Typed(type: .number, node: .number({ _ in n }), slot: nil, constant: .number(n))
    }
}

/// A type or name error at an offset into the expression text.
struct CompileError: Error, Sendable {
    var code: Diagnostic.Code
    var message: String
    var offset: Int
}

extension ValueType {
    /// How the type reads in an error message.
    var phrase: String {
        switch self {
        case .boolean: return "a true/false value"
        case .number: return "a number"
        case .date: return "a date"
        case .text: return "text"
        case .enumeration(let options): return "an option of [" + options.joined(separator: ", ") + "]"
        case .list: return "a list of records"
        }
    }
}
