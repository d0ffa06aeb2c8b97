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
    public init(_ text: String, at mark: SourceMark) {
        self.text = text
        self.mark = mark
    }

    /// The mark of the character `offset` (in Unicode scalars) into the text.
    public func mark(at offset: Int) -> SourceMark {
        var line = mark.line, column = mark.column, index = 0
        for scalar in text.unicodeScalars {
            if index == offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return SourceMark(file: mark.file, line: line, column: column)
    }
}
