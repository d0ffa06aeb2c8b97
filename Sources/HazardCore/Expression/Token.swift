/// A lexical token of the expression language, with its offset (in Unicode scalars).
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    enum Keyword: String, Sendable {
        case and, or, not, `in`, `true`, `false`
    }

    enum Symbol: String, Sendable {
        case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", comma = ",", dot = "."
        case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
        case plus = "+", minus = "-", star = "*", slash = "/"
    }

    var kind: Kind
    var offset: Int
    var length: Int

    var text: String {
        switch kind {
        case .number(let n): return Value.format(n)
        case .string(let s): return "\"\(s)\""
        case .identifier(let s): return s
        case .keyword(let k): return k.rawValue
        case .symbol(let s): return s.rawValue
        case .end: return "end of expression"
        }
    }
}

/// A syntax error at an offset into the expression text.
struct ExpressionSyntaxError: Error, Sendable {
    var message: String
    var offset: Int
}
