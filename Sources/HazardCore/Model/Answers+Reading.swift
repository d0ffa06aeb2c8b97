/// Typed reads for plugins. The engine has already checked every answer against its
/// question, so a mismatch here means the checklist types a question differently from
/// what the plugin declared; it is reported, never read as zero.
extension Answers {
    /// The number answered to `id` (finite); nil when unanswered.
    public func number(_ id: QuestionID) throws(PluginError) -> Double? {
        guard let value = values[id] else { return nil }
        guard let n = value.number, n.isFinite else { throw Self.mismatch(id, value, "a number") }
        return n
    }

    /// A measured amount: a number that must not be negative; nil when unanswered.
    public func amount(_ id: QuestionID) throws(PluginError) -> Double? {
        guard let n = try number(id) else { return nil }
        guard n >= 0 else {
            throw PluginError(code: "negative_value", message: "must not be negative, got \(Value.format(n))", question: id)
        }
        return n
    }

    public func bool(_ id: QuestionID) throws(PluginError) -> Bool? {
        guard let value = values[id] else { return nil }
        guard let b = value.bool else { throw Self.mismatch(id, value, "true or false") }
        return b
    }

    /// Text or an enum option; nil when unanswered.
    public func text(_ id: QuestionID) throws(PluginError) -> String? {
        guard let value = values[id] else { return nil }
        guard let s = value.string else { throw Self.mismatch(id, value, "text") }
        return s
    }

    /// An enum option the plugin knows; nil when unanswered. An option outside `options` means
    /// the checklist offers one the plugin does not handle, and is reported, never guessed.
    public func option(_ id: QuestionID, among options: [String]) throws(PluginError) -> String? {
        guard let option = try text(id) else { return nil }
        guard options.contains(option) else {
            throw PluginError(code: "unknown_option", message: "unknown option \(option); expected one of \(options.joined(separator: ", "))", question: id)
        }
        return option
    }

    public func date(_ id: QuestionID) throws(PluginError) -> Day? {
        guard let value = values[id] else { return nil }
        guard let d = value.date else { throw Self.mismatch(id, value, "a date") }
        return d
    }

    private static func mismatch(_ id: QuestionID, _ value: Value, _ expected: String) -> PluginError {
        PluginError(code: "type_mismatch", message: "expected \(expected), got \(value)", question: id)
    }
}
