/// The syntax tree of an expression, before type checking.
indirect enum Expr: Sendable {
    case number(Double, offset: Int)
    case string(String, offset: Int)
    case bool(Bool, offset: Int)
    /// A question, a record field inside `any`/`all`, or a function name when called.
    case identifier(String, offset: Int)
    /// `plugin.fact`
    case member(String, String, offset: Int)
    /// `name(args)` or `plugin.name(args)`.
    case call(String, [Expr], offset: Int)
    case not(Expr, offset: Int)
    case negate(Expr, offset: Int)
    case binary(BinaryOperator, Expr, Expr, offset: Int)
    case membership(Expr, [Expr], negated: Bool, offset: Int)

    var offset: Int {
        switch self {
        case .number(_, let o), .string(_, let o), .bool(_, let o), .identifier(_, let o), .member(_, _, let o),
             .call(_, _, let o), .not(_, let o), .negate(_, let o), .binary(_, _, _, let o), .membership(_, _, _, let o):
            return o
        }
    }
}

enum BinaryOperator: String, Sendable {
    case and, or
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    var isComparison: Bool {
        switch self { case .eq, .ne, .lt, .le, .gt, .ge: return true; default: return false }
    }
    var isArithmetic: Bool {
        switch self { case .add, .subtract, .multiply, .divide: return true; default: return false }
    }
}
