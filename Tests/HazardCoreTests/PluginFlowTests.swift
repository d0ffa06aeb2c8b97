import HazardCore
import HazardYAML
import Testing

@Suite("Plugin facts and functions flow into expressions")
struct PluginFlowTests {
    let list: Checklist

    init() throws {
        list = try checklist("""
            plugin: demo
            questions:
              - {id: loads, label: 荷载, type: list, fields: [{id: weight, label: 重量, type: number}]}
              - {id: limit, label: 限值, type: number}
            criteria:
              - {id: HEAVY, clause: "1", title: 超重, grade: major, hazard_when: demo.heavy}
              - {id: BAND, clause: "2", title: 档位, grade: general, hazard_when: "demo.band == \\"high\\" and demo.total > 150"}
              - {id: FN, clause: "3", title: 函数, grade: general, hazard_when: "demo.double(limit) < demo.total"}
            """)
    }

    @Test("facts derived from answers decide criteria and appear in the evaluation")
    func facts() throws {
        let e = try evaluate(list, "{loads: [{weight: 80}, {weight: 90}], limit: 80}")
        #expect(e.facts["demo.total"] == .number(170))
        #expect(e.facts["demo.heavy"] == .bool(true))
        #expect(e.finding("HEAVY")?.status == .major)
        #expect(e.finding("BAND")?.status == .general)
        #expect(e.finding("FN")?.status == .general)
        #expect(e.finding("HEAVY")?.evidence.first?.name == "demo.heavy")
    }

    @Test("an unanswered input leaves the facts unknown and the findings unanswered")
    func unknownFacts() throws {
        let e = try evaluate(list, "{limit: 1}")
        #expect(e.facts.isEmpty)
        #expect(e.finding("HEAVY")?.status == .unanswered)
    }

    @Test("a plugin rejecting an answer is an answer error naming the record")
    func rejected() {
        let error = #expect(throws: AnswerError.self) { try evaluate(list, "{loads: [{weight: 1}, {weight: -2}]}") }
        #expect(error?.issues.first?.code == .pluginRejected)
        #expect(error?.issues.first?.path == "loads[1]")
    }

    @Test("an unknown fact of the checklist's plugin is a located error")
    func unknownFact() {
        let found = diagnostics("""
            plugin: demo
            questions: [{id: loads, label: 荷载, type: list, fields: [{id: weight, label: 重量, type: number}]}]
            criteria: [{id: C1, clause: "1", title: 甲, grade: major, hazard_when: demo.totl > 1}]
            """)
        #expect(found.map(\.code) == [.unknownIdentifier])
        #expect(found.first?.message.contains("did you mean 'demo.total'") == true)
    }

    @Test("a checklist must declare the questions its plugin reads, with a compatible type")
    func pluginInputs() {
        let found = diagnostics("""
            plugin: demo
            questions: [{id: loads, label: 荷载, type: number}]
            criteria: [{id: C1, clause: "1", title: 甲, grade: major, hazard_when: demo.heavy}]
            """)
        #expect(found.map(\.code) == [.pluginInput])
    }
}

@Suite("Typed answer reads for plugins")
struct AnswerReadingTests {
    @Test("a read of the wrong type is an error naming the question, never a zero")
    func mismatch() throws {
        let answers = Answers(["depth": .string("deep"), "count": .number(-1), "ok": .bool(true), "day": .date(Day(daysSinceEpoch: 3))])
        let error = #expect(throws: PluginError.self) { try answers.number("depth") }
        #expect(error?.code == "type_mismatch" && error?.question == "depth")
        #expect(throws: PluginError.self) { try answers.amount("count") }
        #expect(try answers.bool("ok") == true)
        #expect(try answers.date("day") == Day(daysSinceEpoch: 3))
        #expect(try answers.number("missing") == nil)
    }
}
