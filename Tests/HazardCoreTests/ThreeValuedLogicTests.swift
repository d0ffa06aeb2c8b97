import HazardCore
import HazardYAML
import Testing

@Suite("Three-valued logic: a missing answer is unknown, never silently compliant")
struct ThreeValuedLogicTests {
    let list: Checklist

    init() throws {
        list = try checklist("""
            questions:
              - {id: a, label: 甲, type: boolean}
              - {id: b, label: 乙, type: boolean}
            criteria:
              - {id: AND, clause: "1", title: 与, grade: major, hazard_when: "a and b"}
              - {id: OR, clause: "2", title: 或, grade: major, hazard_when: "a or b"}
              - {id: NOT, clause: "3", title: 非, grade: general, hazard_when: "not a"}
            """)
    }

    @Test("false and unknown is false, so the finding is compliant", arguments: ["{a: false}", "{b: false}"])
    func falseAndUnknown(answers: String) throws {
        #expect(try status(list, "AND", answers) == .compliant)
    }

    @Test("true or unknown is true, so the finding is a hazard", arguments: ["{a: true}", "{b: true}"])
    func trueOrUnknown(answers: String) throws {
        #expect(try status(list, "OR", answers) == .major)
    }

    @Test("anything else touching unknown leaves the finding unanswered")
    func unknownStaysUnknown() throws {
        #expect(try status(list, "AND", "{a: true}") == .unanswered)
        #expect(try status(list, "OR", "{a: false}") == .unanswered)
        #expect(try status(list, "NOT", "{}") == .unanswered)
    }

    @Test("a general-grade criterion yields a general finding")
    func generalGrade() throws {
        #expect(try status(list, "NOT", "{a: false}") == .general)
        #expect(try status(list, "NOT", "{a: true}") == .compliant)
    }
}

@Suite("Expressions")
struct ExpressionTests {
    let list: Checklist

    init() throws {
        list = try checklist("""
            questions:
              - {id: depth, label: 开挖深度, type: number, unit: m, min: 0, max: 100}
              - {id: monitored, label: 是否第三方监测, type: boolean}
              - {id: kind, label: 类型, type: enum, options: [underground, open_pit]}
              - {id: last_check, label: 上次检验日期, type: date}
              - {id: name, label: 名称, type: text}
              - {id: loads, label: 荷载, type: list, fields: [{id: weight, label: 重量, type: number}, {id: tag, label: 标签, type: text}]}
              - {id: e1, label: 要素1, type: boolean}
              - {id: e2, label: 要素2, type: boolean}
              - {id: e3, label: 要素3, type: boolean}
            criteria:
              - {id: DEEP, clause: "5.3", title: 深基坑无监测, grade: major, applies_when: "depth >= 5", hazard_when: "not monitored"}
              - {id: KIND, clause: "2", title: 井工, grade: major, applies_when: "kind == \\"underground\\"", hazard_when: "kind in [\\"underground\\"] and depth * 2 + 1 > 11"}
              - {id: OVERDUE, clause: "3", title: 超期, grade: general, hazard_when: "days_since(last_check) > 365"}
              - {id: DATE, clause: "4", title: 早于, grade: general, hazard_when: "last_check < date(\\"2024-01-01\\")"}
              - {id: ANY, clause: "5", title: 任一超重, grade: major, hazard_when: "any(loads, weight > 10)"}
              - {id: ALL, clause: "6", title: 全部有标签, grade: general, hazard_when: "not all(loads, answered(tag))"}
              - {id: COUNT, clause: "7", title: 计数, grade: major, hazard_when: "count_true(e1, e2, e3) >= 2"}
              - {id: SUM, clause: "8", title: 合计, grade: major, hazard_when: "sum(loads, weight) > 25 or count(loads, weight > 10) >= 3"}
              - {id: USE, clause: "9", title: 引用, grade: major, hazard_when: "finding(\\"DEEP\\") and name != \\"豁免\\""}
            """)
    }

    @Test("a 6 m excavation without monitoring is a major hazard; 4.99 m is not applicable; exactly 5 m applies",
          arguments: [("6", "false", FindingStatus.major), ("4.99", "false", .notApplicable), ("5", "false", .major), ("5", "true", .compliant)])
    func excavation(depth: String, monitored: String, expected: FindingStatus) throws {
        #expect(try status(list, "DEEP", "{depth: \(depth), monitored: \(monitored)}") == expected)
    }

    @Test("an unknown applicability makes the finding unanswered, not compliant")
    func unknownApplicability() throws {
        #expect(try status(list, "DEEP", "{monitored: true}") == .unanswered)
    }

    @Test("enum comparison, membership and arithmetic")
    func enumsAndArithmetic() throws {
        #expect(try status(list, "KIND", "{kind: underground, depth: 5.5}") == .major)
        #expect(try status(list, "KIND", "{kind: underground, depth: 5}") == .compliant)
        #expect(try status(list, "KIND", "{kind: open_pit, depth: 9}") == .notApplicable)
    }

    @Test("days_since counts from the inspection date, not the wall clock")
    func daysSince() throws {
        #expect(try status(list, "OVERDUE", "{last_check: 2025-01-01}", date: "2026-01-02") == .general)
        #expect(try status(list, "OVERDUE", "{last_check: 2025-01-01}", date: "2026-01-01") == .compliant)
        #expect(try status(list, "OVERDUE", "{last_check: 2025-01-01}") == .unanswered)
    }

    @Test("date literals compare with date answers")
    func dates() throws {
        #expect(try status(list, "DATE", "{last_check: 2023-12-31}") == .general)
        #expect(try status(list, "DATE", "{last_check: 2024-01-01}") == .compliant)
    }

    @Test("any and all over list-of-records answers", arguments: [
        ("[{weight: 3, tag: a}, {weight: 12, tag: b}]", FindingStatus.major, FindingStatus.compliant),
        ("[{weight: 3, tag: a}, {weight: 8}]", .compliant, .general),
        ("[]", .compliant, .compliant),
        ("[{weight: 3}, {tag: b}]", .unanswered, .general),
    ])
    func lists(loads: String, any: FindingStatus, all: FindingStatus) throws {
        let evaluation = try evaluate(list, "{loads: \(loads)}")
        #expect(evaluation.finding("ANY")?.status == any)
        #expect(evaluation.finding("ALL")?.status == all)
    }

    @Test("sum and count over records")
    func sumAndCount() throws {
        #expect(try status(list, "SUM", "{loads: [{weight: 20}, {weight: 6}]}") == .major)
        #expect(try status(list, "SUM", "{loads: [{weight: 20}, {weight: 5}]}") == .compliant)
    }

    @Test("count_true is decided as soon as the unknowns cannot change it", arguments: [
        ("{e1: true, e2: true}", FindingStatus.major),
        ("{e1: false, e2: false}", .compliant),
        ("{e1: true}", .unanswered),
        ("{e1: true, e2: false, e3: false}", .compliant),
    ])
    func countTrue(answers: String, expected: FindingStatus) throws {
        #expect(try status(list, "COUNT", answers) == expected)
    }

    @Test("finding() reads another criterion's result and the evidence names it")
    func findingReference() throws {
        let evaluation = try evaluate(list, "{depth: 6, monitored: false, name: 工地}")
        let finding = try #require(evaluation.finding("USE"))
        #expect(finding.status == .major)
        #expect(finding.evidence.contains { $0.kind == .finding && $0.name == "DEEP" && $0.value == .string("major") })
        #expect(try status(list, "USE", "{depth: 6, monitored: true, name: 工地}") == .compliant)
    }

    @Test("evidence lists every answer the conditions read, with its value")
    func evidence() throws {
        let finding = try #require(try evaluate(list, "{depth: 6, monitored: false}").finding("DEEP"))
        #expect(finding.evidence.map(\.name) == ["depth", "monitored"])
        #expect(finding.evidence.map(\.value) == [.number(6), .bool(false)])
        #expect(finding.evidence.first?.unit == "m")
    }
}
