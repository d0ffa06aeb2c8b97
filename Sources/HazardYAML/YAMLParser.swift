internal import CYAML
import HazardCore

/// Parses YAML with the system libyaml (event API) into `YAMLNode`s that keep their marks.
public enum YAMLParser {
    /// Parses the first document of `bytes`; an empty stream gives a null scalar.
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - file: Names the file in marks.
    ///   - limits: Caps on size, nesting and nodes after alias expansion; checked as events
    ///     arrive, so a hostile file fails before its tree is built.
    /// - Throws: `YAMLError` for syntax errors, duplicate keys, non-scalar keys and unknown
    ///   aliases (`yamlSyntax`), and for crossing a limit (`yamlTooLarge`, `yamlTooDeep`,
    ///   `yamlTooManyNodes`).
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .standard) throws(YAMLError) -> YAMLNode {
        try limits.checkSize(bytes.count, file: file)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(message: "libyaml could not start a parser", mark: SourceMark(file: file, line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        let lines = LineIndex(bytes)
        let result: Result<YAMLNode, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = YAMLNodeBuilder(file: file, lines: lines, limits: limits)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
                    let context = parser.context.map { String(cString: $0) + ": " } ?? ""
                    let mark = SourceMark(file: file, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
                    return .failure(YAMLError(message: "invalid YAML: \(context)\(problem)", mark: mark))
                }
                defer { yaml_event_delete(&event) }
                do throws(YAMLError) {
                    if let done = try builder.handle(&event) { return .success(done) }
                } catch {
                    return .failure(error)
                }
            }
        }
        return try result.get()
    }
}

/// Line starts of a file, to locate the first content line of a block scalar and to read a
/// scalar back as written.
struct LineIndex: Sendable {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]
    /// The last mark `offset(of:)` found. Scalars arrive in document order, so the next mark
    /// is at or after it: starting there keeps a file that is one long line of scalars linear,
    /// where walking from the line's start each time would be quadratic.
    private var cursor = (line: 1, column: 1, offset: 0)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    }

    /// The file's text from `start` up to `end` (line and column in characters, as libyaml
    /// counts them), or nil when a mark is outside the file.
    mutating func text(from start: SourceMark, to end: SourceMark) -> String? {
        guard let from = offset(of: start), let to = offset(of: end), from <= to else { return nil }
        return String(decoding: bytes[from..<to], as: UTF8.self)
    }

    /// The byte offset of `mark`: its line's start, then `column - 1` characters (UTF-8 lead bytes).
    private mutating func offset(of mark: SourceMark) -> Int? {
        guard mark.line >= 1, mark.line <= starts.count else { return nil }
        var i = starts[mark.line - 1], characters = 1
        if cursor.line == mark.line, cursor.column <= mark.column { i = cursor.offset; characters = cursor.column }
        while characters < mark.column {
            guard i < bytes.count else { return nil }
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            characters += 1
        }
        cursor = (mark.line, mark.column, i)
        return i
    }

    /// The first non-blank character on the line after `mark` (block scalar content).
    func firstContent(after mark: SourceMark) -> SourceMark {
        var line = mark.line + 1
        while line <= starts.count {
            var i = starts[line - 1], column = 1
            while i < bytes.count, bytes[i] == 0x20 { i += 1; column += 1 }
            if i < bytes.count, bytes[i] != 0x0A { return SourceMark(file: mark.file, line: line, column: column) }
            line += 1
        }
        return mark
    }
}
