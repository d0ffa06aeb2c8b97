public import HazardCore

/// An answers file as the CLI reads it (YAML or JSON):
///
///     checklist: construction-2024     # optional
///     inspection_date: 2026-11-20       # optional
///     answers: { excavation_depth: 6.0, ... }
public struct AnswersFile: Sendable {
    public var checklist: ChecklistID?
    public var inspectionDate: Day?
    public var answers: AnswerInput
    /// `site:`, `inspector:` and `notes:` when written as plain text (what `hazard inspect`
    /// keeps when it rewrites the file); nil otherwise.
    public var site: String?
    public var inspector: String?
    public var notes: String?

    /// - Parameter limits: Caps on the file's size, nesting and nodes (`checklists/FORMAT.md`, "Limits").
    /// - Throws: `ChecklistError` (YAML syntax, a limit crossed, unknown keys, wrong types) with marks.
    public static func load(path: String, limits: YAMLLimits = .standard) throws(ChecklistError) -> AnswersFile {
        let bytes: [UInt8]
        do { bytes = try YAMLFile.read(path: path, limits: limits) } catch { throw ChecklistError([error.diagnostic]) }
        return try parse(bytes, file: path, limits: limits)
    }

    /// - Throws: `ChecklistError` (YAML syntax, a limit crossed, unknown keys, wrong types) with marks.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .standard) throws(ChecklistError) -> AnswersFile {
        let root: YAMLNode
        do { root = try YAMLParser.parse(bytes, file: file, limits: limits) } catch { throw ChecklistError([error.diagnostic]) }
        var reader = NodeReader()
        let f = reader.fields(root, "answers file", allowed: ["checklist", "inspection_date", "answers", "site", "inspector", "notes"], required: ["answers"])
        let checklist = reader.string(f?["checklist"], "checklist").map(ChecklistID.init(rawValue:))
        let date = reader.date(f?["inspection_date"], "inspection_date")
        if let answers = f?["answers"], !answers.isNull, case .mapping = answers.kind {} else if let answers = f?["answers"], !answers.isNull {
            reader.error(.wrongType, "answers must be a mapping of question id to answer, not \(answers.typeName)", at: answers.mark)
        }
        guard reader.diagnostics.isEmpty, let f else { throw ChecklistError(reader.diagnostics) }
        func text(_ key: String) -> String? {
            guard let node = f[key], case .scalar(let value, _) = node.kind, !node.isNull else { return nil }
            return value
        }
        return AnswersFile(checklist: checklist, inspectionDate: date, answers: f["answers"]?.answerInput ?? AnswerInput(.null),
                           site: text("site"), inspector: text("inspector"), notes: text("notes"))
    }
}
