/// What the reader of an evaluation must know besides its findings: the standard was not in
/// force on the inspection day (or no day was given to check), or a plugin's fact was ignored.
///
/// Each kind has a stable English code. JSON carries a warning as one string, its English
/// text with the code at the end (`"… [standard_replaced]"`, the project's `message [code]`
/// form); the Chinese report prints its Chinese text. Both texts come from `texts`, one table
/// keyed by code, filled with the warning's `arguments`.
public struct EvaluationWarning: Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The inspection is dated after the standard's last day in force; no successor named.
        case standardSuperseded = "standard_superseded"
        /// As above; the successor is encoded by another checklist, which should grade it.
        case standardReplaced = "standard_replaced"
        /// As above; the successor's items are not encoded here, so nothing graded it.
        case standardReplacedNotEncoded = "standard_replaced_not_encoded"
        /// The inspection is dated before the standard took effect.
        case standardNotYetInForce = "standard_not_yet_in_force"
        /// A plugin returned a fact that does not fit its declared type (a plugin bug); the
        /// fact stayed unknown.
        case pluginFactIgnored = "plugin_fact_ignored"
        /// Graded without an inspection date: whether the standard was in force that day is
        /// unchecked, and criteria counting days from an answer (`days_since`) stay unanswered.
        case noInspectionDate = "no_inspection_date"
    }

    /// Nil only for a warning read back from JSON without a code (written before codes were).
    public let code: Code?
    /// English text, as JSON carries it (before the code).
    public let message: String
    /// Chinese text, for the report (the English text for a warning read back from JSON).
    public let chinese: String

    /// A warning of kind `code`, its texts filled with `arguments` (`{name}` → value).
    public init(_ code: Code, _ arguments: [String: String]) {
        self.code = code
        let texts = Self.texts[code] ?? (code.rawValue, code.rawValue)
        message = Self.fill(texts.english, arguments)
        chinese = Self.fill(texts.chinese, arguments)
    }

    /// `message [code]`: the warning as JSON carries it.
    public var description: String { code.map { "\(message) [\($0.rawValue)]" } ?? message }

    /// Every code's text in English and Chinese; `{name}` is replaced by `arguments[name]`.
    static let texts: [Code: (english: String, chinese: String)] = [
        .standardSuperseded: (
            "inspection date {date} is after {until}, the last day {standard} was in force",
            "检查日期 {date} 晚于 {standard} 的最后施行日 {until}：该标准已废止，以下结论依已废止的标准作出，须按现行标准核对。"),
        .standardReplaced: (
            "inspection date {date} is after {until}, the last day {standard} was in force; it was replaced by {successor}: grade with checklist {checklist}",
            "检查日期 {date} 晚于 {standard} 的最后施行日 {until}：现行标准为 {successor}，应使用检查表 {checklist} 重新评估。"),
        .standardReplacedNotEncoded: (
            "inspection date {date} is after {until}, the last day {standard} was in force; the standard in force is {successor}, "
                + "whose items are not encoded in this tool: these findings apply {standard} only and are not a determination under {successor}",
            "检查日期 {date} 晚于 {standard} 的最后施行日 {until}：现行标准为 {successor}，其条款本工具尚未编码；"
                + "以下结论仅依 {standard} 作出，不是依现行标准的判定，须按现行标准逐条核对。"),
        .standardNotYetInForce: (
            "inspection date {date} is before {effective}, when {standard} took effect",
            "检查日期 {date} 早于 {standard} 的施行日期 {effective}：检查之日该标准尚未施行。"),
        .noInspectionDate: (
            "no inspection date: whether {standard} was in force on the day of the inspection is not checked, "
                + "and criteria that count days from an answer stay unanswered",
            "未给出检查日期：未核对检查之日 {standard} 是否有效，依日期计算天数的检查项按未作答处理。"),
        .pluginFactIgnored: (
            "plugin {plugin} returned {value} for {fact}, declared as {type}; ignored",
            "插件 {plugin} 给出的 {fact} = {value} 不符合其声明的类型（{type}），已忽略，按未知处理；这是插件的缺陷，请报告。"),
    ]

    /// `template` with each `{name}` replaced by `arguments[name]` (kept as written when absent).
    private static func fill(_ template: String, _ arguments: [String: String]) -> String {
        var text = "", rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            text += arguments[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return text + rest
    }
}

extension EvaluationWarning {
    /// The warning for an inspection dated after the standard's last day in force: the standard
    /// in force, and either the checklist that encodes it or, plainly, that its items are not
    /// encoded here.
    static func superseded(_ standard: StandardInfo, date: Day, until: Day) -> EvaluationWarning {
        var arguments = ["date": date.description, "until": until.description, "standard": standard.code]
        guard let successor = standard.supersededBy else { return EvaluationWarning(.standardSuperseded, arguments) }
        arguments["successor"] = successor
        guard let checklist = standard.successor else { return EvaluationWarning(.standardReplacedNotEncoded, arguments) }
        arguments["checklist"] = checklist
        return EvaluationWarning(.standardReplaced, arguments)
    }
}

// Equal when the JSON says the same: the code and the English text.
extension EvaluationWarning: Hashable {
    public static func == (a: EvaluationWarning, b: EvaluationWarning) -> Bool { a.code == b.code && a.message == b.message }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }
}

extension EvaluationWarning: Codable {
    /// Reads `message [code]` back. The arguments are not in the JSON, so the Chinese text of
    /// a decoded warning is its English one.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        var code: Code?, message = text
        // `… [code]`: the code is the bracketed word at the end.
        if text.hasSuffix("]"), let open = text.lastIndex(of: "["), open > text.startIndex,
           text[text.index(before: open)] == " " {
            code = Code(rawValue: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
            if code != nil { message = String(text[..<text.index(before: open)]) }
        }
        self.code = code
        self.message = message
        chinese = message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
