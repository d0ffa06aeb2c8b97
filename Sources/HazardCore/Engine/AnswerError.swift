/// Answers that do not fit the checklist's questions. Nothing is evaluated when any
/// answer is wrong; every problem is listed, each naming its question.
public struct AnswerError: Error, Sendable, Hashable, CustomStringConvertible {
    public struct Issue: Sendable, Hashable, Codable, CustomStringConvertible {
        public enum Code: String, Sendable, Hashable, Codable {
            case unknownQuestion, unknownField, wrongType, outOfBounds, notAnOption, notAnInteger, invalidDate, pluginRejected
        }
        public var code: Code
        /// The question, with the record index and field for list answers: `inventory[2].quantity_t`.
        public var path: String
        public var message: String
        /// Where it was written, for answers read from a file.
        public var mark: String?

        public var description: String {
            (mark.map { "\($0): " } ?? "") + "\(path): \(message) [\(code.rawValue)]"
        }
    }

    public var checklist: ChecklistID
    public var issues: [Issue]

    public var description: String {
        "answers do not fit checklist \(checklist):\n" + issues.map { "  " + $0.description }.joined(separator: "\n")
    }
}
