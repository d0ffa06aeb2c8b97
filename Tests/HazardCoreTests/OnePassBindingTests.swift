import HazardCore
import HazardYAML
import Testing

/// Answers decoded from JSON bind straight into slots; the results must match the typed path.
@Suite("One-pass binding of decoded answers")
struct OnePassBindingTests {
    let list: Checklist

    init() throws {
        list = try checklist("""
            questions:
              - {id: depth, label: 深度, type: number, min: 0}
              - {id: crew, label: 人数, type: integer}
              - {id: kind, label: 类型, type: enum, options: [pit, slope]}
              - {id: loads, label: 荷载, type: list, fields: [{id: weight, label: 重量, type: number}, {id: tag, label: 标签, type: text}, {id: ok, label: 合格, type: boolean}]}
            criteria:
              - {id: DEEP, clause: "1", title: 深, grade: major, hazard_when: "depth >= 5 and kind == \\"pit\\""}
              - {id: HEAVY, clause: "2", title: 重, grade: general, hazard_when: "any(loads, weight > 10 and not ok)"}
              - {id: TAGGED, clause: "3", title: 标, grade: general, hazard_when: "any(loads, tag == \\"x\\")"}
            """)
    }

    /// The JSON shape: typed scalars, no marks.
    func json(_ loads: [[(String, AnswerInput.Kind)]], depth: Double = 6) -> AnswerInput {
        AnswerInput(.mapping([
            ("depth", AnswerInput(.number(depth))), ("crew", AnswerInput(.number(3))), ("kind", AnswerInput(.string("pit"))),
            ("loads", AnswerInput(.sequence(loads.map { AnswerInput(.mapping($0.map { ($0.0, AnswerInput($0.1)) })) }))),
        ]))
    }

    @Test("decoded JSON and typed answers grade the same, evidence included")
    func samePaths() throws {
        let input = json([[("weight", .number(12)), ("tag", .string("x")), ("ok", .bool(false))], [("weight", .number(3))]])
        let fromJSON = try Engine.evaluate(list, input: input)
        let typed = try Engine.evaluate(list, list.answers(from: input))
        #expect(fromJSON == typed)
        #expect(fromJSON.findings.map(\.status) == [.major, .general, .general])
    }

    @Test("a record field that does not fit is still an error naming the record and field", arguments: [
        ("weight", AnswerInput.Kind.string("heavy"), AnswerError.Issue.Code.wrongType),
        ("colour", .string("red"), .unknownField),
    ])
    func badField(field: String, value: AnswerInput.Kind, code: AnswerError.Issue.Code) {
        let error = #expect(throws: AnswerError.self) { try Engine.evaluate(list, input: json([[("weight", .number(1))], [(field, value)]])) }
        #expect(error?.issues.first?.code == code)
        #expect(error?.issues.first?.path == "loads[1].\(field)")
    }

    @Test("an out-of-bounds or fractional number falls back to a located error", arguments: [
        AnswerInput(.mapping([("depth", AnswerInput(.number(-1)))])),
        AnswerInput(.mapping([("crew", AnswerInput(.number(2.5)))])),
    ])
    func bounds(input: AnswerInput) {
        #expect(throws: AnswerError.self) { try Engine.evaluate(list, input: input) }
    }

    @Test("detail levels build only the findings asked for; counts, score and rating stay complete", arguments: Evaluation.Detail.allCases)
    func detail(level: Evaluation.Detail) throws {
        let input = json([[("weight", .number(12)), ("ok", .bool(true))]])
        let full = try Engine.evaluate(list, input: input)
        let reduced = try Engine.evaluate(list, input: input, detail: level)
        #expect(reduced.counts == full.counts && reduced.score == full.score && reduced.rating == full.rating)
        switch level {
        case .full: #expect(reduced.findings == full.findings)
        case .hazards: #expect(reduced.findings == full.findings.filter(\.status.isHazard))
        case .summary: #expect(reduced.findings.isEmpty)
        }
    }
}
