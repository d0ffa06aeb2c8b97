public import HazardCore
import Foundation

/// An answers file as the CLI reads it (YAML or JSON):
///
///     checklist: construction-2024     # optional
///     inspection_date: 2026-11-20       # optional
///     answers: { excavation_depth: 6.0, ... }
public struct AnswersFile: Sendable {
    public var checklist: ChecklistID?
    public var inspectionDate: Day?
    public var answers: AnswerInput

    /// - Throws: `ChecklistError` (YAML syntax, unknown keys, wrong types) with marks.
    public static func load(path: String) throws(ChecklistError) -> AnswersFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ChecklistError([Diagnostic(.yamlSyntax, "cannot read file", at: SourceMark(file: path, line: 1, column: 1))])
        }
        return try parse([UInt8](data), file: path)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(ChecklistError) -> AnswersFile {
        let root: YAMLNode
        do { root = try YAMLParser.parse(bytes, file: file) } catch { throw ChecklistError([error.diagnostic]) }
        var reader = NodeReader()
        let f = reader.fields(root, "answers file", allowed: ["checklist", "inspection_date", "answers", "site", "inspector", "notes"], required: ["answers"])
        let checklist = reader.string(f?["checklist"], "checklist").map(ChecklistID.init(rawValue:))
        let date = reader.date(f?["inspection_date"], "inspection_date")
        if let answers = f?["answers"], !answers.isNull, case .mapping = answers.kind {} else if let answers = f?["answers"], !answers.isNull {
            reader.error(.wrongType, "answers must be a mapping of question id to answer, not \(answers.typeName)", at: answers.mark)
        }
        guard reader.diagnostics.isEmpty, let f else { throw ChecklistError(reader.diagnostics) }
        return AnswersFile(checklist: checklist, inspectionDate: date, answers: f["answers"]?.answerInput ?? AnswerInput(.null))
    }
}
