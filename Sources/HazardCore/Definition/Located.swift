/// A value read from a source file, with where it was read.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var mark: SourceMark
    public init(_ value: Value, at mark: SourceMark) {
        self.value = value
        self.mark = mark
    }
}

/// The text of an expression and where its first character sits in the file, so type
/// errors point at the offending token, not at the key.
public struct ExpressionSource: Sendable, Hashable {
    public var text: String
    public var mark: SourceMark
    /// The text as written in the file from `mark` on, when it differs from `text`: a scalar
    /// folded over lines, indented, or quoted with escapes. Nil when `text` is what is there.
    public var source: Written?

    /// A scalar as the file has it, and how its quotes read it.
    public struct Written: Sendable, Hashable {
        public enum Quoting: Sendable, Hashable {
            /// Plain or block: every character is itself.
            case none
            /// `'…'`: `''` stands for one quote.
            case single
            /// `"…"`: a backslash starts an escape.
            case double
        }
        public var text: String
        public var quoting: Quoting
        public init(_ text: String, quoting: Quoting) {
            self.text = text
            self.quoting = quoting
        }
    }

    public init(_ text: String, at mark: SourceMark, source: Written? = nil) {
        self.text = text
        self.mark = mark
        self.source = source
    }

    /// The mark of the character `offset` (in Unicode scalars) into the text.
    public func mark(at offset: Int) -> SourceMark {
        if let source, let found = Self.align(Array(text.unicodeScalars), Array(source.text.unicodeScalars), source.quoting, offset, from: mark) {
            return found
        }
        var line = mark.line, column = mark.column, index = 0
        for scalar in text.unicodeScalars {
            if index == offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return SourceMark(file: mark.file, line: line, column: column)
    }

    /// Finds character `offset` of the decoded `text` in the `written` source, walking both:
    /// a character matches itself; a space or line break the parser made of a folded line
    /// break and its indentation matches that whole run; an escape (`\"`, `\n`, `\u4e2d` in
    /// double quotes, `''` in single quotes) matches the one character it stands for; anything
    /// else in the source (indentation, a closing quote) is passed over. Nil when the texts do
    /// not line up, so the caller falls back to counting in `text`.
    static func align(_ text: [Unicode.Scalar], _ written: [Unicode.Scalar], _ quoting: Written.Quoting, _ offset: Int,
                      from start: SourceMark) -> SourceMark? {
        var line = start.line, column = start.column, p = 0
        func advance(_ count: Int) {
            for _ in 0..<count where p < written.count {
                if written[p] == "\n" { line += 1; column = 1 } else { column += 1 }
                p += 1
            }
        }
        func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }
        for (index, c) in text.enumerated() {
            while true {
                guard p < written.count else { return nil }
                let w = written[p]
                let escape = quoting == .double && w == "\\" && p + 1 < written.count
                if index == offset, w == c || escape || (isBlank(c) && isBlank(w)) {
                    return SourceMark(file: start.file, line: line, column: column)
                }
                if escape {
                    let kind = written[p + 1]
                    advance(kind == "x" ? 4 : kind == "u" ? 6 : kind == "U" ? 10 : 2)
                    break
                }
                if w == c {
                    advance(quoting == .single && c == "'" && p + 1 < written.count && written[p + 1] == "'" ? 2 : 1)
                    break
                }
                if isBlank(c), isBlank(w) {
                    while p < written.count, isBlank(written[p]) { advance(1) }
                    break
                }
                advance(1)
            }
        }
        // Past the last character: just after it.
        return offset == text.count ? SourceMark(file: start.file, line: line, column: column) : nil
    }
}
