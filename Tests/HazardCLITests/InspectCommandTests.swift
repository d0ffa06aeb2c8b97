import Foundation
import HazardCore
import HazardPlugins
import HazardYAML
import Testing

/// `hazard inspect` run as an inspector runs it, answers piped to stdin.
@Suite("hazard inspect, driven through stdin")
struct InspectCommandTests {
    static let checklists = ChecklistLoader(registry: BuiltinPlugins.registry).loadAll([CLI.packageRoot.appendingPathComponent("checklists").path]).checklists
    static let examples = ((try? FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("examples").path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    /// What an inspector types for `value`, line by line: y/n, numbers, an option's number,
    /// dates, text; a list record by record, field by field, then an empty line.
    static func lines(for value: Value, of question: Question) -> [String] {
        switch value {
        case .bool(let b): return [b ? "y" : "n"]
        case .number(let n): return [question.kind == .integer ? String(Int64(n)) : Value.format(n)]
        case .date(let d): return [d.description]
        case .string(let s):
            guard question.kind == .enum, let k = question.options.firstIndex(where: { $0.value == s }) else { return [s] }
            return [String(k + 1)]
        case .list(let records):
            return records.flatMap { record in
                question.fields.map { field in record[field.id.rawValue].flatMap { lines(for: $0, of: field).first } ?? "" }
            } + [""]
        }
    }

    /// Statuses by criterion from `hazard evaluate --format json FILE`.
    static func statuses(_ file: String, checklists: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: String] {
        let result = try CLI.run(["evaluate", "--format", "json", file] + checklists)
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: findings.compactMap { f in (f["criterion"] as? String).map { ($0, f["status"] as? String ?? "") } })
    }

    @Test("each example, answering only what is asked (skip where the example is silent), ends with the findings of hazard evaluate on the full file",
          arguments: examples)
    func replay(_ example: String) throws {
        let path = CLI.packageRoot.appendingPathComponent("examples/\(example)").path
        let file = try AnswersFile.load(path: path)
        let checklist = try #require(Self.checklists.first { $0.id == file.checklist })
        let full = try checklist.answers(from: file.answers, inspectionDate: file.inspectionDate)
        let replay = try InspectionReplay(checklist: checklist, full: full)
        var input: [String] = []
        for id in replay.asked {
            let question = try #require(checklist.question(id))
            input += full[id].map { Self.lines(for: $0, of: question) } ?? ["skip"]
        }
        try CLI.withTemporaryDirectory { dir in
            let saved = dir.appendingPathComponent("answers.yaml").path
            var arguments = ["inspect", "--checklist", checklist.id.rawValue, "--answers", saved]
            if let date = file.inspectionDate { arguments += ["--date", date.description] }
            let session = try CLI.run(arguments, input: input.joined(separator: "\n") + "\n")
            #expect(session.status == 0, "\(session.stderr)")
            #expect(!session.stdout.contains("✗"), "every piped answer fits: \(session.stdout.split(separator: "\n").filter { $0.contains("✗") })")
            #expect(session.stdout.contains("本次提问 \(replay.asked.count) 次（检查表共 \(checklist.questions.count) 题"))
            #expect(replay.asked.count < checklist.questions.count)
            #expect(try Self.statuses(saved) == Self.statuses(path))
            // The session ends with the report hazard evaluate prints: same totals and rating.
            let report = try CLI.run(["evaluate", path])
            let totals = report.stdout.split(separator: "\n").filter { !$0.isEmpty }.suffix(2)
            #expect(totals.count == 2)
            for line in totals { #expect(session.stdout.contains(line)) }
        }
    }

    static let demo = """
        id: inspect-demo
        version: "1"
        sector: demo
        title: 引导检查示例
        standard: {code: DEMO-1, title: 示例标准, issuer: 示例机关, effective: 2024-01-01}
        sections: [{id: a, title: 甲}, {id: b, title: 乙}]
        questions:
          - {id: has_pit, label: 有基坑, type: boolean}
          - {id: depth, label: 开挖深度, type: number, unit: m, min: 0, max: 50}
          - {id: kind, label: 支护形式, type: enum, options: [{value: none, label: 无}, {value: pile, label: 排桩}]}
          - {id: checked_on, label: 最近检测日期, type: date}
          - {id: crew, label: 作业人数, type: integer, min: 0}
          - {id: loads, label: 荷载, type: list, fields: [{id: name, label: 名称, type: text}, {id: weight, label: 重量, type: number, unit: t}]}
        criteria:
          - {id: A1, clause: "1", section: a, title: 深基坑无支护, grade: major, applies_when: has_pit, hazard_when: "depth >= 5 and kind == \\"none\\"", advice: 加设支护}
          - {id: B1, clause: "2", section: b, title: 检测过期, grade: general, hazard_when: "days_since(checked_on) > 365", advice: 检测}
          - {id: B2, clause: "3", section: b, title: 超员超重, grade: general, hazard_when: "crew > 10 or sum(loads, weight) > 100", advice: 减员减重}
        """

    func withDemo(_ body: (URL) throws -> Void) throws {
        try CLI.withTemporaryDirectory { dir in
            try Data(Self.demo.utf8).write(to: dir.appendingPathComponent("demo.yaml"))
            try body(dir)
        }
    }

    func inspect(_ dir: URL, _ input: [String], extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["inspect", "--checklist", "inspect-demo", "--checklists", dir.appendingPathComponent("demo.yaml").path,
                     "--answers", dir.appendingPathComponent("answers.yaml").path, "--date", "2026-04-15"] + extra,
                    input: input.joined(separator: "\n") + "\n")
    }

    @Test("typed prompts re-ask with the reason: not y/n, not a number, out of bounds, no such option, no such date, not whole")
    func typedPrompts() throws {
        try withDemo { dir in
            let result = try inspect(dir, ["maybe", "y", "abc", "80", "7", "9", "1", "2026-02-30", "2026-04-01", "2.5", "3",
                                           "吊篮", "60", "钢筋", "50", ""])
            #expect(result.status == 0, "\(result.stderr)")
            let out = result.stdout
            #expect(out.contains("请输入 y（是）或 n（否）"))
            #expect(out.contains("expected a number in m"))
            #expect(out.contains("80 m is above the maximum 50 m"))
            #expect(out.contains("请输入选项编号 1–2"))
            #expect(out.contains("expected a date YYYY-MM-DD"))
            #expect(out.contains("whole number"))
            #expect(out.contains("[数值 m，0–50 m]"))
            #expect(out.contains("[1/3 已判定]"))
            let saved = try String(contentsOf: dir.appendingPathComponent("answers.yaml"), encoding: .utf8)
            #expect(saved.contains("depth: 7"))
            #expect(saved.contains("kind: \"none\""))
            #expect(saved.contains("checked_on: 2026-04-01"))
            #expect(saved.contains("- {name: \"吊篮\", weight: 60}"))
            #expect(try Self.statuses(dir.appendingPathComponent("answers.yaml").path, checklists: ["--checklists", dir.appendingPathComponent("demo.yaml").path])
                    == ["A1": "major", "B1": "compliant", "B2": "general"])
        }
    }

    @Test("a pit that is not there drops its section's questions")
    func applicabilityFirst() throws {
        try withDemo { dir in
            let result = try inspect(dir, ["n", "2026-04-01", "3", ""])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("（适用性）有基坑（has_pit）"))
            #expect(!result.stdout.contains("（depth）"))
            #expect(!result.stdout.contains("（kind）"))
            #expect(result.stdout.contains("本次提问 4 次"))
        }
    }

    @Test("back takes the latest answer back and asks it again; skip saves null and is not asked again")
    func backAndSkip() throws {
        try withDemo { dir in
            let result = try inspect(dir, ["back", "y", "back", "n", "skip", "quit"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("本次还没有作答，无法返回"))
            let saved = try String(contentsOf: dir.appendingPathComponent("answers.yaml"), encoding: .utf8)
            #expect(saved.contains("has_pit: false"))
            #expect(saved.contains("checked_on: null"))
            // Resuming: neither the answer nor the skip is asked again.
            let resumed = try inspect(dir, ["3", ""])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(!resumed.stdout.contains("（has_pit）") && !resumed.stdout.contains("（checked_on）"))
            #expect(resumed.stdout.contains("（crew）"))
            #expect(resumed.stdout.contains("已跳过但仍可能改变结论的问题: checked_on"))
        }
    }

    @Test("input that ends mid-session saves what was answered and prints the provisional report")
    func endOfInput() throws {
        try withDemo { dir in
            let result = try inspect(dir, ["y", "6"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("评级"))
            let saved = try String(contentsOf: dir.appendingPathComponent("answers.yaml"), encoding: .utf8)
            #expect(saved.contains("has_pit: true") && saved.contains("depth: 6"))
        }
    }

    @Test("an answers file for another checklist, or one that does not read, is refused with its location; nothing is overwritten")
    func badResume() throws {
        try withDemo { dir in
            let answers = dir.appendingPathComponent("answers.yaml")
            try Data("checklist: urban-gas-2023\nanswers: {}\n".utf8).write(to: answers)
            let other = try inspect(dir, [])
            #expect(other.status == 1)
            #expect(other.stderr.contains("holds answers to urban-gas-2023"))
            try Data("answers: {depth: 80}\n".utf8).write(to: answers)
            let bounds = try inspect(dir, [])
            #expect(bounds.status == 1)
            #expect(bounds.stderr.contains("depth"))
            #expect(try String(contentsOf: answers, encoding: .utf8) == "answers: {depth: 80}\n")
        }
    }

    @Test("the pseudo-terminal session (Tests/HazardCLITests/inspect_pty.py) completes the gas example")
    func pseudoTerminal() throws {
        let binary = try #require(CLI.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.packageRoot.appendingPathComponent("Tests/HazardCLITests/inspect_pty.py").path, binary]
        process.currentDirectoryURL = CLI.packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: data, as: UTF8.self))")
    }
}
