internal import CYAML
import HazardCore

/// Assembles `YAMLNode`s from libyaml's event stream, enforcing `YAMLLimits` as events arrive:
/// a file that nests too deeply or expands to too many nodes fails at the event that crosses
/// the limit, before the tree that would cross it exists.
struct YAMLNodeBuilder {
    /// A list or mapping whose end event has not come yet. Children are appended in place
    /// (`stack[top].items.append`): taking the array out of the stack to append and putting it
    /// back copied it on every append, which made a 40,000-record list take 33 s.
    struct Open {
        var mark: SourceMark
        var anchor: String?
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        /// Keys seen so far, with where they were first written, so a duplicate is found in
        /// O(1) instead of by scanning `pairs` (quadratic for a mapping of many keys).
        var keys: [String: SourceMark] = [:]
        var pendingKey: (String, SourceMark)?
        /// Levels of lists and mappings in this subtree, itself included (aliases expanded).
        var height = 1
        /// `nodeCount` before this node was counted; its expanded size is the difference at the end.
        var countBefore: Int
    }

    /// What an anchor names, with the size and height it has wherever it is used again.
    struct Anchored {
        var node: YAMLNode
        var size: Int
        var height: Int
    }

    let file: String
    var lines: LineIndex
    let limits: YAMLLimits
    var stack: [Open] = []
    var anchors: [String: Anchored] = [:]
    var root: YAMLNode?
    /// Nodes so far, counting each use of an alias as the whole subtree it names.
    var nodeCount = 0

    init(file: String, lines: LineIndex, limits: YAMLLimits) {
        self.file = file
        self.lines = lines
        self.limits = limits
    }

    func mark(_ m: yaml_mark_t) -> SourceMark { SourceMark(file: file, line: m.line + 1, column: m.column + 1) }

    /// Takes one event; returns the root when the document ends.
    mutating func handle(_ event: inout yaml_event_t) throws(YAMLError) -> YAMLNode? {
        let start = mark(event.start_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            try count(1, at: start)
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
            var node = YAMLNode(kind: .scalar(text, style), mark: start, contentMark: content)
            let end = mark(event.end_mark)
            // Kept so that a position inside the text can be found in the file (ExpressionSource).
            if style == .quoted || end.line > content.line, let written = lines.text(from: content, to: end) {
                let quoting: ExpressionSource.Written.Quoting = switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .single
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .double
                default: .none
                }
                node.source = ExpressionSource.Written(written, quoting: quoting)
            }
            if let anchor = scalar.anchor { anchors[String(cString: anchor)] = Anchored(node: node, size: 1, height: 0) }
            try add(node, height: 0)
        case YAML_SEQUENCE_START_EVENT:
            try open(isMapping: false, anchor: event.data.sequence_start.anchor, at: start)
        case YAML_MAPPING_START_EVENT:
            try open(isMapping: true, anchor: event.data.mapping_start.anchor, at: start)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let open = stack.popLast() else { return nil }
            let kind: YAMLNode.Kind = open.isMapping ? .mapping(open.pairs) : .sequence(open.items)
            let node = YAMLNode(kind: kind, mark: open.mark, contentMark: open.mark)
            if let anchor = open.anchor {
                anchors[anchor] = Anchored(node: node, size: nodeCount - open.countBefore, height: open.height)
            }
            try add(node, height: open.height)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let anchored = anchors[name] else { throw YAMLError(message: "unknown alias *\(name)", mark: start) }
            // The alias shares the anchored node's storage, but every later walker (conversion
            // to answers, evaluation) sees a full copy: count and nest it as one.
            try count(anchored.size, at: start)
            if stack.count + anchored.height > limits.effectiveDepth { throw tooDeep(at: start) }
            try add(anchored.node, height: anchored.height)
        case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
            return root ?? YAMLNode(kind: .scalar("", .plain), mark: start, contentMark: start)
        default:
            break
        }
        return nil
    }

    /// Starts a list or mapping, refusing one level too many before anything is built in it.
    mutating func open(isMapping: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, at start: SourceMark) throws(YAMLError) {
        if stack.count + 1 > limits.effectiveDepth { throw tooDeep(at: start) }
        try count(1, at: start)
        stack.append(Open(mark: start, anchor: anchor.map { String(cString: $0) }, isMapping: isMapping, countBefore: nodeCount - 1))
    }

    /// Attaches a finished node to the open list or mapping (in place), or makes it the root.
    mutating func add(_ node: YAMLNode, height: Int) throws(YAMLError) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].height = max(stack[top].height, height + 1)
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let (key, keyMark) = stack[top].pendingKey {
            stack[top].pairs.append(YAMLNode.Pair(key: key, keyMark: keyMark, value: node))
            stack[top].pendingKey = nil
            return
        }
        guard case .scalar(let key, _) = node.kind else {
            throw YAMLError(message: "mapping keys must be plain text, not \(node.typeName)", mark: node.mark)
        }
        if let previous = stack[top].keys.updateValue(node.mark, forKey: key) {
            throw YAMLError(message: "duplicate key '\(key)' (first at line \(previous.line))", mark: node.mark)
        }
        stack[top].pendingKey = (key, node.mark)
    }

    mutating func count(_ nodes: Int, at mark: SourceMark) throws(YAMLError) {
        nodeCount += nodes
        guard nodeCount > limits.maxNodes else { return }
        throw YAMLError(.yamlTooManyNodes, message: "the document has more than \(limits.maxNodes) nodes with its aliases expanded (each use of an alias counts the nodes it names)", mark: mark)
    }

    func tooDeep(at mark: SourceMark) -> YAMLError {
        YAMLError(.yamlTooDeep, message: "lists and mappings nest more than \(limits.effectiveDepth) levels deep", mark: mark)
    }
}
