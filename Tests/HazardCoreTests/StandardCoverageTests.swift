import HazardCore
import Testing

/// `standard.items`: a checklist declares what its standard lists, criteria say which item they
/// encode, and what nothing encodes is reported.
@Suite("Coverage of a standard's items")
struct StandardCoverageTests {
    static func body(items: String, criteria: String) -> String {
        """
        id: demo
        version: "1"
        sector: demo
        title: 示例检查表
        standard:
          code: DEMO-1
          title: 示例标准
          issuer: 示例机关
          effective: 2024-01-01
          items:
        \(items)
        questions:
          - {id: a, label: 甲, type: boolean}
        criteria:
        \(criteria)
        """
    }

    @Test("an item encoded by a criterion's clause or its item: counts; one nothing encodes is a located warning")
    func uncoveredItemWarns() throws {
        let list = try checklist(Self.body(items: """
                - 第一条
                - {id: 第二条, title: 乙项}
                - 第三条
            """, criteria: """
              - {id: C1, clause: 第一条, title: 甲, grade: major, hazard_when: "not a"}
              - {id: C2, clause: 第二条第（一）项, item: 第二条, title: 乙, grade: general, hazard_when: a}
            """), header: false)
        #expect(list.coverage == Coverage(declared: 3, encoded: 2, textMissing: 0, uncovered: ["第三条"]))
        #expect(list.coverage.summary == "2/3")
        let itemWarnings = list.warnings.filter { $0.code == .uncoveredItem }
        let warning = try #require(itemWarnings.first)
        #expect(itemWarnings.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.code == .uncoveredItem)
        #expect(warning.message.contains("'第三条'"))
        #expect(warning.mark.line == 13)
    }

    @Test("a criterion naming an item the standard does not declare is an error with a suggestion")
    func unknownItemIsAnError() {
        let found = diagnostics(Self.body(items: """
                - 第一条
            """, criteria: """
              - {id: C1, clause: 第一条, item: 第一tiao, title: 甲, grade: major, hazard_when: "not a"}
              - {id: C2, clause: 第九条, title: 乙, grade: major, hazard_when: a}
            """), header: false)
        let errors = found.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.unknownItem, .unknownItem])
        #expect(errors.first?.message.contains("unknown item '第一tiao'") == true)
        #expect(errors.last?.message.contains("its clause '第九条' is not a declared item") == true)
        // The item the misspelt name meant is then encoded by nothing, and says so.
        #expect(found.filter { $0.severity == .warning }.map(\.code) == [.uncoveredItem])
    }

    @Test("a criterion without advice (整改建议) is a located warning; blank advice counts as none")
    func missingAdvice() throws {
        let list = try checklist(Self.body(items: """
                - 一
                - 二
            """, criteria: """
              - {id: C1, clause: 一, title: 甲, grade: major, hazard_when: "not a", advice: 立即整改}
              - {id: C2, clause: 二, title: 乙, grade: major, hazard_when: a, advice: "  "}
            """), header: false)
        #expect(list.warnings.map(\.code) == [.missingAdvice])
        #expect(list.warnings.first?.message == "criterion 'C2' has no advice (整改建议)")
        #expect(list.warnings.first?.mark.line == 17)
    }

    @Test("an item whose text is missing is counted apart, not as encoded and not as a gap")
    func textMissing() throws {
        let list = try checklist(Self.body(items: """
                - 第一条
                - {id: 第二条及以后, text_missing: 原文未取得}
            """, criteria: """
              - {id: C1, clause: 第一条, title: 甲, grade: major, hazard_when: "not a"}
              - {id: C2, clause: 第二条及以后, title: 其余条款（原文缺失，由检查人员判断）, grade: major, hazard_when: a, manual: true}
            """), header: false)
        #expect(list.coverage.summary == "1/2 (1 text missing)")
        #expect(list.warnings.allSatisfy { $0.code == .missingAdvice })
    }

    @Test("one criterion may encode several items, and an item declared twice is an error")
    func listsAndDuplicates() throws {
        let list = try checklist(Self.body(items: """
                - 一
                - 二
            """, criteria: """
              - {id: C1, clause: 一、二, item: [一, 二], title: 甲, grade: major, hazard_when: "not a"}
            """), header: false)
        #expect(list.coverage.summary == "2/2")
        let found = diagnostics(Self.body(items: """
                - 一
                - 一
            """, criteria: """
              - {id: C1, clause: 一, title: 甲, grade: major, hazard_when: "not a"}
            """), header: false)
        #expect(found.map(\.code) == [.duplicateID])
        #expect(found.first?.mark.line == 12)
    }

    @Test("a standard that declares no items loads with a warning that coverage cannot be checked")
    func noItems() throws {
        let list = try checklist("""
            questions:
              - {id: a, label: 甲, type: boolean}
            criteria:
              - {id: C1, clause: 一, title: 甲, grade: major, hazard_when: "not a"}
            """)
        #expect(list.coverage.summary == "-")
        #expect(list.warnings.map(\.code) == [.missingAdvice, .uncoveredItem])
    }
}

@Suite("Grading under a superseded standard")
struct SupersededStandardTests {
    static func list(successor: String?) throws -> Checklist {
        try checklist("""
            id: old
            version: "1"
            sector: demo
            title: 旧标准检查表
            standard:
              code: OLD-2017
              title: 旧标准
              issuer: 示例机关
              effective: 2017-01-01
              valid_until: 2026-09-29
              superseded_by: NEW-2026
            \(successor.map { "  successor: \($0)" } ?? "")
              items: [一]
            questions:
              - {id: a, label: 甲, type: boolean}
            criteria:
              - {id: C1, clause: 一, title: 甲, grade: major, hazard_when: "not a"}
            """, header: false)
    }

    @Test("an inspection after the last day says the standard in force is not encoded, when we ship none")
    func successorNotEncoded() throws {
        let evaluation = try evaluate(try Self.list(successor: nil), "{a: true}", date: "2026-09-30")
        let warning = try #require(evaluation.warnings.first)
        #expect(warning.message.contains("the standard in force is NEW-2026, whose items are not encoded in this tool"))
        #expect(warning.message.contains("not a determination under NEW-2026"))
        #expect(warning.description.hasSuffix("not a determination under NEW-2026 [standard_replaced_not_encoded]"))
    }

    @Test("the last day itself is still in force", arguments: ["2026-09-29", "2017-01-01"])
    func lastDayInForce(date: String) throws {
        #expect(try evaluate(try Self.list(successor: nil), "{a: true}", date: date).warnings.isEmpty)
    }

    @Test("with a successor checklist the warning names it")
    func successorEncoded() throws {
        let evaluation = try evaluate(try Self.list(successor: "new-2026"), "{a: true}", date: "2026-10-01")
        #expect(evaluation.warnings.first?.message.hasSuffix("it was replaced by NEW-2026: grade with checklist new-2026") == true)
        #expect(evaluation.warnings.first?.code == .standardReplaced)
    }
}
