import HazardCore
import HazardYAML
import Testing

@Suite("Answers are checked against the questions before anything is evaluated")
struct AnswerValidationTests {
    let list: Checklist

    init() throws {
        list = try checklist("""
            questions:
              - {id: depth, label: 开挖深度, type: number, unit: m, min: 0, max: 100}
              - {id: crew, label: 人数, type: integer}
              - {id: kind, label: 类型, type: enum, options: [underground, open_pit]}
              - {id: day, label: 日期, type: date}
              - {id: ok, label: 合格, type: boolean}
              - {id: loads, label: 荷载, type: list, fields: [{id: weight, label: 重量, type: number}]}
            criteria:
              - {id: C1, clause: "1", title: 甲, grade: major, hazard_when: "depth > 5 and not ok"}
            """)
    }

    @Test("each kind of bad answer names its question", arguments: [
        ("{dpeth: 3}", AnswerError.Issue.Code.unknownQuestion, "dpeth"),
        ("{depth: deep}", .wrongType, "depth"),
        ("{depth: '6'}", .wrongType, "depth"),
        ("{depth: 120}", .outOfBounds, "depth"),
        ("{depth: -1}", .outOfBounds, "depth"),
        ("{crew: 2.5}", .notAnInteger, "crew"),
        ("{kind: undergound}", .notAnOption, "kind"),
        ("{day: 2024-02-30}", .invalidDate, "day"),
        ("{ok: yes}", .wrongType, "ok"),
        ("{loads: [{weight: heavy}]}", .wrongType, "loads[0].weight"),
        ("{loads: [{wieght: 1}]}", .unknownField, "loads[0].wieght"),
        ("{loads: 3}", .wrongType, "loads"),
    ])
    func badAnswer(answers: String, code: AnswerError.Issue.Code, path: String) throws {
        let error = #expect(throws: AnswerError.self) { try evaluate(list, answers) }
        #expect(error?.issues.first?.code == code)
        #expect(error?.issues.first?.path == path)
    }

    @Test("every bad answer is listed, not just the first")
    func allIssues() {
        let error = #expect(throws: AnswerError.self) { try evaluate(list, "{depth: 200, kind: x, ok: 3}") }
        #expect(error?.issues.count == 3)
    }

    @Test("typed answers from other sources are checked the same way")
    func typedAnswers() {
        let error = #expect(throws: AnswerError.self) { try Engine.evaluate(list, Answers(["depth": .string("6")])) }
        #expect(error?.issues.first?.code == .wrongType)
        let unknown = #expect(throws: AnswerError.self) { try Engine.evaluate(list, Answers(["nope": .bool(true)])) }
        #expect(unknown?.issues.first?.code == .unknownQuestion)
    }

    @Test("an integer answer within bounds is accepted")
    func accepted() throws {
        #expect(try status(list, "C1", "{depth: 6, ok: false, crew: 3, kind: open_pit, day: 2024-02-29}") == .major)
    }
}
