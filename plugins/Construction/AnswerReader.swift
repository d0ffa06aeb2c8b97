import HazardCore

/// Reads the plugin's inputs from the answers; nil = unanswered (unknown).
struct AnswerReader: Sendable {
    let answers: Answers

    func number(_ id: QuestionID) throws(PluginError) -> Double? { try answers.number(id) }

    func bool(_ id: QuestionID) throws(PluginError) -> Bool? { try answers.bool(id) }

    func option(_ id: QuestionID, among options: [String]) throws(PluginError) -> String? {
        guard let s = try answers.text(id) else { return nil }
        guard options.contains(s) else {
            throw PluginError(
                code: "construction.option",
                message: "unknown option \(s); expected one of \(options.joined(separator: ", "))",
                question: id)
        }
        return s
    }
}
