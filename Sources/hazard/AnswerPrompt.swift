import Foundation
import HazardCore

/// Asks one question, typed: y/n, a number within its bounds (its unit shown), a numbered
/// option, a calendar date, text, or a list record by record and field by field. Re-asks
/// with the reason until the answer fits; every answer is read as the same text in an
/// answers file would be (`Checklist.answers(from:)`), so the session and `hazard evaluate`
/// accept exactly the same values.
struct AnswerPrompt {
    enum Reply: Equatable {
        case answer(Value)
        case skip, back, quit
        /// Input ended (piped input used up, Ctrl-D).
        case endOfInput
    }

    let checklist: Checklist
    let console: InspectConsole

    /// What a line typed for `question` means.
    private enum Reading {
        case input(AnswerInput)
        case command(Reply)
        case empty
        case invalid(String)
    }

    func ask(_ question: Question) -> Reply {
        if question.kind == .list { return askList(question) }
        if question.kind == .enum {
            for (n, option) in question.options.enumerated() {
                console.say("    \(n + 1)) \(option.label)" + (option.label == option.value ? "" : "（\(option.value)）"))
            }
        }
        while true {
            guard let line = console.ask("  \(Self.hint(question))> ") else { return .endOfInput }
            switch read(line, as: question) {
            case .command(let reply): return reply
            case .empty: console.say("  请输入答案，或 skip 跳过、back 返回上一题、quit 保存退出。")
            case .invalid(let reason): console.say("  ✗ \(reason)")
            case .input(let input):
                switch check([(question.id.rawValue, input)], question.id) {
                case .success(let value): return .answer(value)
                case .failure(let reason): console.say("  ✗ \(reason)")
                }
            }
        }
    }

    /// A list answer: records one by one, each field typed; an empty line where a record's
    /// first field is asked ends the list, an empty line at a later field leaves it unanswered.
    private func askList(_ question: Question) -> Reply {
        var records: [AnswerInput] = []
        console.say("  逐条录入记录，每条逐项填写；新记录的第一项直接回车即结束（0 条也可）。")
        while true {
            console.say("  记录 \(records.count + 1):")
            var fields: [(key: String, value: AnswerInput)] = []
            var fieldIndex = 0
            while fieldIndex < question.fields.count {
                let field = question.fields[fieldIndex]
                if field.kind == .enum {
                    console.say("      " + field.options.enumerated().map { "\($0.offset + 1)) \($0.element.label)" }.joined(separator: "  "))
                }
                guard let line = console.ask("    \(field.label)（\(field.id)）\(Self.hint(field))> ") else { return .endOfInput }
                switch read(line, as: field) {
                case .command(let reply): return reply
                case .empty:
                    if fieldIndex == 0 { return finishList(question, records) }
                    fieldIndex += 1
                case .invalid(let reason):
                    console.say("    ✗ \(reason)")
                case .input(let input):
                    let record = AnswerInput(.mapping([(field.id.rawValue, input)]))
                    switch check([(question.id.rawValue, AnswerInput(.sequence([record])))], question.id) {
                    case .success: fields.append((field.id.rawValue, input)); fieldIndex += 1
                    case .failure(let reason): console.say("    ✗ \(reason)")
                    }
                }
            }
            records.append(AnswerInput(.mapping(fields)))
        }
    }

    private func finishList(_ question: Question, _ records: [AnswerInput]) -> Reply {
        switch check([(question.id.rawValue, AnswerInput(.sequence(records)))], question.id) {
        case .success(let value): return .answer(value)
        // Each field was checked as it was typed; a whole-list failure would be a bug, said plainly.
        case .failure(let reason): console.say("  ✗ \(reason)"); return .skip
        }
    }

    /// Reads a typed line: a command, or the answer as the answers file would hold it.
    private func read(_ line: String, as question: Question) -> Reading {
        switch line.lowercased() {
        case "": return .empty
        case "skip", "跳过": return .command(.skip)
        case "back", "返回": return .command(.back)
        case "quit", "exit", "退出": return .command(.quit)
        default: break
        }
        switch question.kind {
        case .boolean:
            switch line.lowercased() {
            case "y", "yes", "是", "true", "t", "1": return .input(AnswerInput(.bool(true)))
            case "n", "no", "否", "false", "f", "0": return .input(AnswerInput(.bool(false)))
            default: return .invalid("请输入 y（是）或 n（否）")
            }
        case .number, .integer:
            var text = line
            // "6.5 m" is 6.5 in the question's unit.
            if let unit = question.unit, text.hasSuffix(unit) { text = String(text.dropLast(unit.count)).trimmingCharacters(in: .whitespaces) }
            return .input(AnswerInput(.plain(text)))
        case .enum:
            if let n = Int(line), question.options.indices.contains(n - 1) { return .input(AnswerInput(.string(question.options[n - 1].value))) }
            if question.options.contains(where: { $0.value == line }) { return .input(AnswerInput(.string(line))) }
            return .invalid("请输入选项编号 1–\(question.options.count)")
        case .date:
            return .input(AnswerInput(.plain(line)))
        case .text, .list:
            return .input(AnswerInput(.string(line)))
        }
    }

    /// Checks answers as an answers file's are checked; the value of `id`, or why it does not fit.
    private func check(_ pairs: [(key: String, value: AnswerInput)], _ id: QuestionID) -> Result<Value, ReadError> {
        do {
            let answers = try checklist.answers(from: AnswerInput(.mapping(pairs)))
            guard let value = answers[id] else { return .failure(ReadError("请输入答案")) }
            return .success(value)
        } catch {
            return .failure(ReadError(error.issues.map(\.message).joined(separator: "; ")))
        }
    }

    struct ReadError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The expected answer, shown before the cursor: `[y/n]`, `[数值 m，0–50]`, ….
    static func hint(_ question: Question) -> String {
        let unit = question.unit.map { " \($0)" } ?? ""
        var bounds = ""
        switch (question.min, question.max) {
        case let (min?, max?): bounds = "，\(Value.format(min))–\(Value.format(max))\(unit)"
        case let (min?, nil): bounds = "，≥ \(Value.format(min))\(unit)"
        case let (nil, max?): bounds = "，≤ \(Value.format(max))\(unit)"
        case (nil, nil): break
        }
        switch question.kind {
        case .boolean: return "[y/n] "
        case .number: return "[数值\(unit)\(bounds)] "
        case .integer: return "[整数\(unit)\(bounds)] "
        case .enum: return "[1–\(question.options.count)] "
        case .date: return "[日期 YYYY-MM-DD] "
        case .text: return "[文字] "
        case .list: return "[记录] "
        }
    }
}
