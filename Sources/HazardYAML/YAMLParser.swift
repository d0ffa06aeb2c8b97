internal import CYAML
import HazardCore

/// Parses YAML with the system libyaml (event API) into `YAMLNode`s that keep their marks.
public enum YAMLParser {
    /// Parses the first document of `bytes`; an empty stream gives a null scalar.
    ///
    /// - Throws: `YAMLError` for syntax errors, duplicate keys, non-scalar keys and unknown aliases.
    public static func parse(_ bytes: [UInt8], file: String) throws(YAMLError) -> YAMLNode {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(message: "libyaml could not start a parser", mark: SourceMark(file: file, line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        let lines = LineIndex(bytes)
        let result: Result<YAMLNode, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var builder = Builder(file: file, lines: lines)
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

    /// Assembles nodes from the event stream.
    private struct Builder {
        enum Open {
            case sequence([YAMLNode], mark: SourceMark, anchor: String?)
            case mapping([YAMLNode.Pair], pendingKey: (String, SourceMark)?, mark: SourceMark, anchor: String?)
        }

        let file: String
        let lines: LineIndex
        var stack: [Open] = []
        var anchors: [String: YAMLNode] = [:]
        var root: YAMLNode?

        init(file: String, lines: LineIndex) {
            self.file = file
            self.lines = lines
        }

        func mark(_ m: yaml_mark_t) -> SourceMark { SourceMark(file: file, line: m.line + 1, column: m.column + 1) }

        mutating func handle(_ event: inout yaml_event_t) throws(YAMLError) -> YAMLNode? {
            let start = mark(event.start_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
                let style: YAMLNode.Style
                var content = start
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE, YAML_DOUBLE_QUOTED_SCALAR_STYLE:
                    style = .quoted
                    content = start.advanced(by: 1)
                case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE:
                    style = .block
                    content = lines.firstContent(after: start)
                default:
                    style = scalar.plain_implicit == 1 ? .plain : .quoted
                }
                let node = YAMLNode(kind: .scalar(text, style), mark: start, contentMark: content)
                if let anchor = scalar.anchor { anchors[String(cString: anchor)] = node }
                return try add(node)
            case YAML_SEQUENCE_START_EVENT:
                stack.append(.sequence([], mark: start, anchor: event.data.sequence_start.anchor.map { String(cString: $0) }))
            case YAML_MAPPING_START_EVENT:
                stack.append(.mapping([], pendingKey: nil, mark: start, anchor: event.data.mapping_start.anchor.map { String(cString: $0) }))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let open = stack.popLast() else { return nil }
                let node: YAMLNode
                let anchor: String?
                switch open {
                case .sequence(let items, let m, let a):
                    node = YAMLNode(kind: .sequence(items), mark: m, contentMark: m)
                    anchor = a
                case .mapping(let pairs, _, let m, let a):
                    node = YAMLNode(kind: .mapping(pairs), mark: m, contentMark: m)
                    anchor = a
                }
                if let anchor { anchors[anchor] = node }
                return try add(node)
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                guard let node = anchors[name] else { throw YAMLError(message: "unknown alias *\(name)", mark: start) }
                return try add(node)
            case YAML_DOCUMENT_END_EVENT:
                return root ?? YAMLNode(kind: .scalar("", .plain), mark: start, contentMark: start)
            case YAML_STREAM_END_EVENT:
                return root ?? YAMLNode(kind: .scalar("", .plain), mark: start, contentMark: start)
            default:
                break
            }
            return nil
        }

        /// Attaches a finished node to its parent; returns nothing until the document ends.
        mutating func add(_ node: YAMLNode) throws(YAMLError) -> YAMLNode? {
            guard let top = stack.popLast() else {
                root = node
                return nil
            }
            switch top {
            case .sequence(var items, let m, let a):
                items.append(node)
                stack.append(.sequence(items, mark: m, anchor: a))
            case .mapping(var pairs, let pending, let m, let a):
                if let (key, keyMark) = pending {
                    pairs.append(YAMLNode.Pair(key: key, keyMark: keyMark, value: node))
                    stack.append(.mapping(pairs, pendingKey: nil, mark: m, anchor: a))
                } else {
                    guard case .scalar(let key, _) = node.kind else {
                        throw YAMLError(message: "mapping keys must be plain text, not \(node.typeName)", mark: node.mark)
                    }
                    if let previous = pairs.first(where: { $0.key == key }) {
                        throw YAMLError(message: "duplicate key '\(key)' (first at line \(previous.keyMark.line))", mark: node.mark)
                    }
                    stack.append(.mapping(pairs, pendingKey: (key, node.mark), mark: m, anchor: a))
                }
            }
            return nil
        }
    }
}

/// Line starts of a file, to locate the first content line of a block scalar.
struct LineIndex: Sendable {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
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
