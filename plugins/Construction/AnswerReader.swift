import HazardCore

/// Reads the plugin's inputs from the answers; nil = unanswered (unknown).
struct AnswerReader: Sendable {
    let answers: Answers

    func number(_ id: QuestionID) throws(PluginError) -> Double? {
        guard let value = answers[id] else { return nil }
        guard let n = value.number else {
            throw PluginError(code: "construction.type", message: "expected a number, got \(value)", question: id)
        }
        guard n.isFinite else {
            throw PluginError(code: "construction.number", message: "not a finite number: \(value)", question: id)
        }
        return n
    }

    func bool(_ id: QuestionID) throws(PluginError) -> Bool? {
        guard let value = answers[id] else { return nil }
        guard let b = value.bool else {
            throw PluginError(code: "construction.type", message: "expected true or false, got \(value)", question: id)
        }
        return b
    }

    func option(_ id: QuestionID, among options: [String]) throws(PluginError) -> String? {
        guard let value = answers[id] else { return nil }
        guard let s = value.string, options.contains(s) else {
            throw PluginError(
                code: "construction.option",
                message: "unknown option \(value); expected one of \(options.joined(separator: ", "))",
                question: id)
        }
        return s
    }
}
