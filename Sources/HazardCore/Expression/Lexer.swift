/// Splits an expression into tokens. Runs once per expression at load time.
struct Lexer {
    private let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    func tokenize() throws(ExpressionSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if c.properties.numericType != nil, c.isASCII, isDigit(c) {
                while i < scalars.count, isDigit(scalars[i]) { i += 1 }
                if i < scalars.count, scalars[i] == ".", i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                    i += 1
                    while i < scalars.count, isDigit(scalars[i]) { i += 1 }
                }
                if i < scalars.count, scalars[i] == "e" || scalars[i] == "E" {
                    var j = i + 1
                    if j < scalars.count, scalars[j] == "+" || scalars[j] == "-" { j += 1 }
                    if j < scalars.count, isDigit(scalars[j]) {
                        i = j
                        while i < scalars.count, isDigit(scalars[i]) { i += 1 }
                    }
                }
                let text = String(String.UnicodeScalarView(scalars[start..<i]))
                guard let value = Double(text) else { throw ExpressionSyntaxError(message: "bad number '\(text)'", offset: start) }
                if i < scalars.count, isIdentifierStart(scalars[i]) {
                    throw ExpressionSyntaxError(message: "unexpected '\(scalars[i])' after number \(text)", offset: i)
                }
                tokens.append(Token(kind: .number(value), offset: start, length: i - start))
                continue
            }
            if isIdentifierStart(c) {
                while i < scalars.count, isIdentifierContinue(scalars[i]) { i += 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<i]))
                let kind: Token.Kind = Token.Keyword(rawValue: word).map { .keyword($0) } ?? .identifier(word)
                tokens.append(Token(kind: kind, offset: start, length: i - start))
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                var text = String.UnicodeScalarView()
                var closed = false
                while i < scalars.count {
                    let s = scalars[i]
                    if s == c { closed = true; i += 1; break }
                    if s == "\\", i + 1 < scalars.count { text.append(scalars[i + 1]); i += 2; continue }
                    text.append(s)
                    i += 1
                }
                guard closed else { throw ExpressionSyntaxError(message: "unterminated string", offset: start) }
                tokens.append(Token(kind: .string(String(text)), offset: start, length: i - start))
                continue
            }
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            let symbol: Token.Symbol?
            var width = 1
            switch c {
            case "(": symbol = .lparen
            case ")": symbol = .rparen
            case "[": symbol = .lbracket
            case "]": symbol = .rbracket
            case ",": symbol = .comma
            case ".": symbol = .dot
            case "+": symbol = .plus
            case "-": symbol = .minus
            case "*": symbol = .star
            case "/": symbol = .slash
            case "=" where next == "=": symbol = .eq; width = 2
            case "!" where next == "=": symbol = .ne; width = 2
            case "<": if next == "=" { symbol = .le; width = 2 } else { symbol = .lt }
            case ">": if next == "=" { symbol = .ge; width = 2 } else { symbol = .gt }
            case "=": throw ExpressionSyntaxError(message: "'=' is not an operator; compare with '=='", offset: start)
            case "&", "|", "!":
                throw ExpressionSyntaxError(message: "'\(c)' is not an operator; use 'and', 'or', 'not'", offset: start)
            default: symbol = nil
            }
            guard let symbol else { throw ExpressionSyntaxError(message: "unexpected character '\(c)'", offset: start) }
            tokens.append(Token(kind: .symbol(symbol), offset: start, length: width))
            i += width
        }
        tokens.append(Token(kind: .end, offset: scalars.count, length: 0))
        return tokens
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 97 && c.value <= 122) || (c.value >= 65 && c.value <= 90) || c == "_"
    }
    private func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }
}
