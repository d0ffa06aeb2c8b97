/// A position in a source file: 1-based line and column, as editors and compilers print them.
public struct SourceMark: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// The position `offset` characters further on the same line (expression columns).
    public func advanced(by offset: Int) -> SourceMark {
        SourceMark(file: file, line: line, column: column + offset)
    }

    public static func < (a: SourceMark, b: SourceMark) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
