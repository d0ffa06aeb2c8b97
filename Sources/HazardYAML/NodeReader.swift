import HazardCore

/// Reads typed values out of YAML nodes, collecting located diagnostics instead of
/// stopping at the first problem.
struct NodeReader {
    var diagnostics: [Diagnostic] = []

    mutating func error(_ code: Diagnostic.Code, _ message: String, at mark: SourceMark) {
        diagnostics.append(Diagnostic(code, message, at: mark))
    }

    /// The pairs of a mapping node after checking its keys: unknown keys get a "did you
    /// mean", missing required ones are reported at the mapping.
    mutating func fields(_ node: YAMLNode, _ what: String, allowed: [String], required: [String]) -> [String: YAMLNode]? {
        guard case .mapping(let pairs) = node.kind else {
            error(.wrongType, "\(what) must be a mapping, not \(node.typeName)", at: node.mark)
            return nil
        }
        var result: [String: YAMLNode] = [:]
        for pair in pairs {
            if allowed.contains(pair.key) {
                result[pair.key] = pair.value
            } else {
                error(.unknownKey, "unknown key '\(pair.key)' in \(what)\(Suggestion.hint(for: pair.key, in: allowed))", at: pair.keyMark)
            }
        }
        for key in required where result[key] == nil {
            error(.missingKey, "\(what) is missing required key '\(key)'", at: node.mark)
        }
        return result
    }

    mutating func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let text, _) = node.kind, !node.isNull else {
            error(.wrongType, "\(what) must be text, not \(node.typeName)", at: node.mark)
            return nil
        }
        return text
    }

    mutating func located(_ node: YAMLNode?, _ what: String, pattern: (String) -> Bool = { !$0.isEmpty }, rule: String = "") -> Located<String>? {
        guard let node, let text = string(node, what) else { return nil }
        if !pattern(text) {
            error(.invalidValue, "\(what) '\(text)' is not valid\(rule.isEmpty ? "" : ": \(rule)")", at: node.contentMark)
        }
        return Located(text, at: node.contentMark)
    }

    mutating func expression(_ node: YAMLNode?, _ what: String) -> ExpressionSource? {
        guard let node, let text = string(node, what) else { return nil }
        guard !text.trimmingSpaces.isEmpty else {
            error(.invalidValue, "\(what) is empty", at: node.mark)
            return nil
        }
        return ExpressionSource(text, at: node.contentMark, source: node.source)
    }

    mutating func number(_ node: YAMLNode?, _ what: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let text, .plain) = node.kind, let value = Double(text), value.isFinite else {
            error(.wrongType, "\(what) must be a number, not \(describe(node))", at: node.mark)
            return nil
        }
        return value
    }

    mutating func bool(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let text, .plain) = node.kind, text == "true" || text == "false" else {
            error(.wrongType, "\(what) must be true or false, not \(describe(node))", at: node.mark)
            return nil
        }
        return text == "true"
    }

    mutating func date(_ node: YAMLNode?, _ what: String) -> Day? {
        guard let node else { return nil }
        guard case .scalar(let text, _) = node.kind, let day = Day(iso: text) else {
            error(.wrongType, "\(what) must be a date YYYY-MM-DD, not \(describe(node))", at: node.mark)
            return nil
        }
        return day
    }

    mutating func sequence(_ node: YAMLNode?, _ what: String) -> [YAMLNode] {
        guard let node else { return [] }
        guard case .sequence(let items) = node.kind else {
            error(.wrongType, "\(what) must be a list, not \(node.typeName)", at: node.mark)
            return []
        }
        return items
    }

    func describe(_ node: YAMLNode) -> String {
        if case .scalar(let text, _) = node.kind, !node.isNull { return "'\(text)'" }
        return node.typeName
    }
}

extension String {
    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return Substring(scalars[first...last])
    }
}
