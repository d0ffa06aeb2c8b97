/// Recursive-descent parser for the expression language.
///
///     or      := and ("or" and)*
///     and     := not ("and" not)*
///     not     := "not" not | compare
///     compare := sum (cmpop sum | ["not"] "in" "[" items "]")?
///     sum     := product (("+" | "-") product)*
///     product := unary (("*" | "/") unary)*
///     unary   := "-" unary | primary
///     primary := number | string | true | false | "(" or ")"
///              | ident ["." ident] ["(" args ")"]
///
/// Nesting is bounded: the parser, the compiler and the tree's own deallocation recurse once
/// per level, so a hostile checklist (`not not not …`, `((((…`, or `a or a or …` a million
/// times, a few MB of YAML) would otherwise overflow the stack at load.
struct Parser {
    /// The deepest syntax tree an expression may have (a name or number is 1; each operator,
    /// call, list or pair of parentheses adds one over its deepest operand). The deepest
    /// shipped condition has 11 levels. A debug build spends up to about 10 KB of stack per
    /// level (parentheses and calls) loading and grading, so 32 keeps a condition at the limit
    /// within a 512 KiB stack (macOS's secondary threads); 48 did not fit.
    static let maximumDepth = 32

    private var tokens: [Token]
    private var position = 0
    /// Operands being parsed inside one another (parentheses, arguments, `not`, unary minus).
    private var depth = 0

    init(tokens: [Token]) { self.tokens = tokens }

    static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expr {
        var parser = Parser(tokens: try Lexer(text).tokenize())
        let node = try parser.parseOr()
        guard case .end = parser.current.kind else {
            throw ExpressionSyntaxError(message: "unexpected '\(parser.current.text)'", offset: parser.current.offset)
        }
        return node.expr
    }

    /// A parsed operand and the height of its tree.
    private struct Node {
        var expr: Expr
        var height: Int
    }

    /// `expr` over `children`, refused when that makes the tree too deep.
    private func node(_ expr: Expr, over children: [Node], at offset: Int) throws(ExpressionSyntaxError) -> Node {
        let height = 1 + (children.lazy.map(\.height).max() ?? 0)
        guard height <= Self.maximumDepth else { throw Self.tooDeep(at: offset) }
        return Node(expr: expr, height: height)
    }

    private static func tooDeep(at offset: Int) -> ExpressionSyntaxError {
        ExpressionSyntaxError(message: "expression nests more than \(maximumDepth) levels deep; split it into criteria joined with finding()", offset: offset)
    }

    /// Counts one more operand inside another for as long as `parse` runs.
    private mutating func nested(_ parse: (inout Parser) throws(ExpressionSyntaxError) -> Node) throws(ExpressionSyntaxError) -> Node {
        guard depth < Self.maximumDepth else { throw Self.tooDeep(at: current.offset) }
        depth += 1
        defer { depth -= 1 }
        return try parse(&self)
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private mutating func accept(_ symbol: Token.Symbol) -> Bool {
        if case .symbol(symbol) = current.kind { position += 1; return true }
        return false
    }

    private mutating func accept(_ keyword: Token.Keyword) -> Bool {
        if case .keyword(keyword) = current.kind { position += 1; return true }
        return false
    }

    private mutating func expect(_ symbol: Token.Symbol) throws(ExpressionSyntaxError) {
        guard accept(symbol) else {
            throw ExpressionSyntaxError(message: "expected '\(symbol.rawValue)' but found '\(current.text)'", offset: current.offset)
        }
    }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> Node {
        var left = try parseAnd()
        while case .keyword(.or) = current.kind {
            let op = advance()
            let right = try parseAnd()
            left = try node(.binary(.or, left.expr, right.expr, offset: op.offset), over: [left, right], at: op.offset)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> Node {
        var left = try parseNot()
        while case .keyword(.and) = current.kind {
            let op = advance()
            let right = try parseNot()
            left = try node(.binary(.and, left.expr, right.expr, offset: op.offset), over: [left, right], at: op.offset)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionSyntaxError) -> Node {
        if case .keyword(.not) = current.kind {
            let op = advance()
            let inner = try nested { parser throws(ExpressionSyntaxError) in try parser.parseNot() }
            return try node(.not(inner.expr, offset: op.offset), over: [inner], at: op.offset)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> Node {
        let left = try parseSum()
        if case .symbol(let s) = current.kind, let op = BinaryOperator(rawValue: s.rawValue), op.isComparison {
            let token = advance()
            let right = try parseSum()
            return try node(.binary(op, left.expr, right.expr, offset: token.offset), over: [left, right], at: token.offset)
        }
        var negated = false
        let start = current.offset
        if case .keyword(.not) = current.kind, case .keyword(.in) = tokens[min(position + 1, tokens.count - 1)].kind {
            position += 1
            negated = true
        }
        if accept(.in) {
            try expect(.lbracket)
            var items: [Node] = []
            if !accept(.rbracket) {
                repeat { items.append(try nested { parser throws(ExpressionSyntaxError) in try parser.parseSum() }) } while accept(.comma)
                try expect(.rbracket)
            }
            return try node(.membership(left.expr, items.map(\.expr), negated: negated, offset: start), over: [left] + items, at: start)
        }
        return left
    }

    private mutating func parseSum() throws(ExpressionSyntaxError) -> Node {
        var left = try parseProduct()
        while case .symbol(let s) = current.kind, s == .plus || s == .minus {
            let token = advance()
            let right = try parseProduct()
            left = try node(.binary(s == .plus ? .add : .subtract, left.expr, right.expr, offset: token.offset), over: [left, right], at: token.offset)
        }
        return left
    }

    private mutating func parseProduct() throws(ExpressionSyntaxError) -> Node {
        var left = try parseUnary()
        while case .symbol(let s) = current.kind, s == .star || s == .slash {
            let token = advance()
            let right = try parseUnary()
            left = try node(.binary(s == .star ? .multiply : .divide, left.expr, right.expr, offset: token.offset), over: [left, right], at: token.offset)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Node {
        if case .symbol(.minus) = current.kind {
            let token = advance()
            if case .number(let n) = current.kind {
                _ = advance()
                return Node(expr: .number(-n, offset: token.offset), height: 1)
            }
            let inner = try nested { parser throws(ExpressionSyntaxError) in try parser.parseUnary() }
            return try node(.negate(inner.expr, offset: token.offset), over: [inner], at: token.offset)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Node {
        let token = advance()
        switch token.kind {
        case .number(let n): return Node(expr: .number(n, offset: token.offset), height: 1)
        case .string(let s): return Node(expr: .string(s, offset: token.offset), height: 1)
        case .keyword(.true): return Node(expr: .bool(true, offset: token.offset), height: 1)
        case .keyword(.false): return Node(expr: .bool(false, offset: token.offset), height: 1)
        case .symbol(.lparen):
            let inner = try nested { parser throws(ExpressionSyntaxError) in try parser.parseOr() }
            try expect(.rparen)
            // Parentheses add no node, but count as a level: they nest the parser all the same.
            return try node(inner.expr, over: [inner], at: token.offset)
        case .identifier(let name):
            var qualified = name
            var member: String?
            if accept(.dot) {
                guard case .identifier(let second) = current.kind else {
                    throw ExpressionSyntaxError(message: "expected a name after '\(name).'", offset: current.offset)
                }
                _ = advance()
                member = second
                qualified = name + "." + second
            }
            if accept(.lparen) {
                var args: [Node] = []
                if !accept(.rparen) {
                    repeat { args.append(try nested { parser throws(ExpressionSyntaxError) in try parser.parseOr() }) } while accept(.comma)
                    try expect(.rparen)
                }
                return try node(.call(qualified, args.map(\.expr), offset: token.offset), over: args, at: token.offset)
            }
            if let member { return Node(expr: .member(name, member, offset: token.offset), height: 1) }
            return Node(expr: .identifier(name, offset: token.offset), height: 1)
        case .end:
            throw ExpressionSyntaxError(message: "expression ends too early", offset: token.offset)
        default:
            throw ExpressionSyntaxError(message: "unexpected '\(token.text)'", offset: token.offset)
        }
    }
}
