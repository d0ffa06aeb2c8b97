public import HazardCore

/// Writes an answers file in the format `AnswersFile` reads (and `hazard evaluate` grades):
/// `hazard inspect` saves one after every answer.
///
/// Answers are written in the checklist's question order; a question the inspector skipped
/// is written `null` (unanswered, and remembered as skipped when the session resumes). Text
/// and options are double-quoted with escapes, so no answer can change the file's structure;
/// numbers and dates are plain, as the question that reads them expects.
public struct AnswersFileWriter: Sendable {
    public var checklist: Checklist
    public var inspectionDate: Day?
    public var site: String?
    public var inspector: String?
    public var notes: String?

    public init(checklist: Checklist, inspectionDate: Day?, site: String? = nil, inspector: String? = nil, notes: String? = nil) {
        self.checklist = checklist
        self.inspectionDate = inspectionDate
        self.site = site
        self.inspector = inspector
        self.notes = notes
    }

    /// The file's text.
    /// - Parameters:
    ///   - answers: answered questions.
    ///   - skipped: questions to write as `null`.
    public func text(answers: [QuestionID: Value], skipped: Set<QuestionID>) -> String {
        var out = "# Answers to \(checklist.id.rawValue) (\(checklist.standard.code)), written by hazard inspect.\n"
        out += "checklist: \(checklist.id.rawValue)\n"
        if let inspectionDate { out += "inspection_date: \(inspectionDate)\n" }
        if let site { out += "site: \(Self.quoted(site))\n" }
        if let inspector { out += "inspector: \(Self.quoted(inspector))\n" }
        if let notes { out += "notes: \(Self.quoted(notes))\n" }
        var lines: [String] = []
        for question in checklist.questions {
            let key = Self.key(question.id.rawValue)
            if let value = answers[question.id] {
                if case .list(let records) = value, !records.isEmpty {
                    lines.append("  \(key):")
                    for record in records {
                        let fields = question.fields.compactMap { field in
                            record[field.id.rawValue].map { "\(Self.key(field.id.rawValue)): \(Self.scalar($0, kind: field.kind))" }
                        }
                        lines.append("    - {" + fields.joined(separator: ", ") + "}")
                    }
                } else {
                    lines.append("  \(key): \(Self.scalar(value, kind: question.kind))")
                }
            } else if skipped.contains(question.id) {
                lines.append("  \(key): null")
            }
        }
        out += lines.isEmpty ? "answers: {}\n" : "answers:\n" + lines.joined(separator: "\n") + "\n"
        return out
    }

    /// A scalar answer as YAML the question reads back to the same value.
    static func scalar(_ value: Value, kind: QuestionKind) -> String {
        switch value {
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            // An integer answer must read back as one, whatever its size.
            if kind == .integer, let exact = Int64(exactly: n) { return String(exact) }
            return Value.format(n)
        case .date(let day): return day.description
        case .string(let s): return quoted(s)
        case .list: return "[]"
        }
    }

    /// A key as written: plain when it is a simple identifier, else quoted.
    static func key(_ id: String) -> String {
        let simple = !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E }
            && !(id.first.map { $0 == "-" || $0 == "." } ?? true)
        return simple ? id : quoted(id)
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
