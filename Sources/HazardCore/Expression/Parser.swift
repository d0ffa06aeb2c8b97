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
struct Parser {
    private var tokens: [Token]
    private var position = 0

    init(tokens: [Token]) { self.tokens = tokens }

    static func parse(_ text: String) throws(ExpressionSyntaxError) -> Expr {
        var parser = Parser(tokens: try Lexer(text).tokenize())
        let expr = try parser.parseOr()
        guard case .end = parser.current.kind else {
            throw ExpressionSyntaxError(message: "unexpected '\(parser.current.text)'", offset: parser.current.offset)
        }
        return expr
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

    private mutating func parseOr() throws(ExpressionSyntaxError) -> Expr {
        var left = try parseAnd()
        while case .keyword(.or) = current.kind {
            let op = advance()
            left = .binary(.or, left, try parseAnd(), offset: op.offset)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> Expr {
        var left = try parseNot()
        while case .keyword(.and) = current.kind {
            let op = advance()
            left = .binary(.and, left, try parseNot(), offset: op.offset)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionSyntaxError) -> Expr {
        if case .keyword(.not) = current.kind {
            let op = advance()
            return .not(try parseNot(), offset: op.offset)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> Expr {
        let left = try parseSum()
        if case .symbol(let s) = current.kind, let op = BinaryOperator(rawValue: s.rawValue), op.isComparison {
            let token = advance()
            return .binary(op, left, try parseSum(), offset: token.offset)
        }
        var negated = false
        let start = current.offset
        if case .keyword(.not) = current.kind, case .keyword(.in) = tokens[min(position + 1, tokens.count - 1)].kind {
            position += 1
            negated = true
        }
        if accept(.in) {
            try expect(.lbracket)
            var items: [Expr] = []
            if !accept(.rbracket) {
                repeat { items.append(try parseSum()) } while accept(.comma)
                try expect(.rbracket)
            }
            return .membership(left, items, negated: negated, offset: start)
        }
        return left
    }

    private mutating func parseSum() throws(ExpressionSyntaxError) -> Expr {
        var left = try parseProduct()
        while case .symbol(let s) = current.kind, s == .plus || s == .minus {
            let token = advance()
            left = .binary(s == .plus ? .add : .subtract, left, try parseProduct(), offset: token.offset)
        }
        return left
    }

    private mutating func parseProduct() throws(ExpressionSyntaxError) -> Expr {
        var left = try parseUnary()
        while case .symbol(let s) = current.kind, s == .star || s == .slash {
            let token = advance()
            left = .binary(s == .star ? .multiply : .divide, left, try parseUnary(), offset: token.offset)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Expr {
        if case .symbol(.minus) = current.kind {
            let token = advance()
            if case .number(let n) = current.kind {
                _ = advance()
                return .number(-n, offset: token.offset)
            }
            return .negate(try parseUnary(), offset: token.offset)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> Expr {
        let token = advance()
        switch token.kind {
        case .number(let n): return .number(n, offset: token.offset)
        case .string(let s): return .string(s, offset: token.offset)
        case .keyword(.true): return .bool(true, offset: token.offset)
        case .keyword(.false): return .bool(false, offset: token.offset)
        case .symbol(.lparen):
            let inner = try parseOr()
            try expect(.rparen)
            return inner
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
                var args: [Expr] = []
                if !accept(.rparen) {
                    repeat { args.append(try parseOr()) } while accept(.comma)
                    try expect(.rparen)
                }
                return .call(qualified, args, offset: token.offset)
            }
            if let member { return .member(name, member, offset: token.offset) }
            return .identifier(name, offset: token.offset)
        case .end:
            throw ExpressionSyntaxError(message: "expression ends too early", offset: token.offset)
        default:
            throw ExpressionSyntaxError(message: "unexpected '\(token.text)'", offset: token.offset)
        }
    }
}
