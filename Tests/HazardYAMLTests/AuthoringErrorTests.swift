import HazardCore
import HazardYAML
import Testing

/// Every authoring mistake is reported as file:line:column with a stable code.
@Suite("Checklist authoring errors are located")
struct AuthoringErrorTests {
    let header = """
        id: demo
        version: "1"
        sector: demo
        title: 示例
        standard: {code: D-1, title: 示例标准, issuer: 机关, effective: 2024-01-01}

        """

    func diagnostics(_ text: String, registry: PluginRegistry = PluginRegistry()) -> [Diagnostic] {
        do {
            _ = try ChecklistLoader(registry: registry).load(bytes: Array(text.utf8), file: "bad.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    func only(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let found = diagnostics(text)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        return try #require(found.first, sourceLocation: sourceLocation)
    }

    @Test("a YAML syntax error names the line and column where libyaml stopped")
    func yamlSyntax() throws {
        let d = try only("id: demo\nquestions: [a, b\ncriteria: []\n")
        #expect(d.code == .yamlSyntax)
        #expect(d.mark.file == "bad.yaml")
        #expect(d.mark.line == 3)
        #expect(d.description.hasPrefix("bad.yaml:3:"))
    }

    @Test("an unknown key is reported with a did-you-mean")
    func unknownKey() throws {
        let d = try only(header + """
            questions: [{id: a, label: 甲, type: boolean}]
            criteria:
              - {id: C1, clause: "1", title: 甲, grade: major, hazrd_when: a}
            """.replacingOccurrences(of: "hazrd_when: a", with: "hazard_when: a, advise: x"))
        #expect(d.code == .unknownKey)
        #expect(d.message.contains("did you mean 'advice'"))
        #expect(d.mark.line == 8)
    }

    @Test("a missing required key is reported at its mapping")
    func missingKey() throws {
        let d = try only(header + """
            questions: [{id: a, label: 甲, type: boolean}]
            criteria:
              - {id: C1, clause: "1", title: 甲, hazard_when: a}
            """)
        #expect(d.code == .missingKey)
        #expect(d.message.contains("'grade'"))
        #expect(d.mark.line == 8)
    }

    @Test("a value of the wrong type is reported at the value")
    func wrongType() throws {
        let d = try only(header + """
            questions: [{id: a, label: 甲, type: boolean}]
            criteria:
              - {id: C1, clause: "1", title: 甲, grade: major, hazard_when: a, weight: heavy}
            """)
        #expect(d.code == .wrongType)
        #expect(d.message.contains("weight must be a number"))
        #expect(d.mark.line == 8)
    }

    @Test("duplicate question and criterion ids are each reported", arguments: ["question", "criterion"])
    func duplicateIDs(kind: String) throws {
        let questions = kind == "question" ? "[{id: a, label: 甲, type: boolean}, {id: a, label: 乙, type: boolean}]" : "[{id: a, label: 甲, type: boolean}]"
        let criteria = kind == "criterion"
            ? "[{id: C1, clause: '1', title: 甲, grade: major, hazard_when: a}, {id: C1, clause: '2', title: 乙, grade: major, hazard_when: a}]"
            : "[{id: C1, clause: '1', title: 甲, grade: major, hazard_when: a}]"
        let d = try only(header + "questions: \(questions)\ncriteria: \(criteria)\n")
        #expect(d.code == .duplicateID)
        #expect(d.message.contains("duplicate \(kind) id"))
    }

    @Test("an unknown identifier in an expression points at the token")
    func unknownIdentifier() throws {
        let d = try only(header + """
            questions: [{id: excavation_depth, label: 深度, type: number}]
            criteria:
              - id: C1
                clause: "1"
                title: 甲
                grade: major
                hazard_when: excavation_dept >= 5
            """)
        #expect(d.code == .unknownIdentifier)
        #expect(d.message.contains("did you mean 'excavation_depth'"))
        #expect(d.mark.line == 12)
        #expect(d.mark.column == 18)
    }

    @Test("comparing a date with a number is a type mismatch")
    func dateVersusNumber() throws {
        let d = try only(header + """
            questions: [{id: last_check, label: 日期, type: date}]
            criteria:
              - {id: C1, clause: "1", title: 甲, grade: major, hazard_when: "last_check < 2024"}
            """)
        #expect(d.code == .typeMismatch)
        #expect(d.message.contains("cannot compare a date with a number"))
    }

    @Test("comparing an enum with a value not among its options is a type mismatch")
    func enumOption() throws {
        let d = try only(header + """
            questions: [{id: kind, label: 类型, type: enum, options: [underground, open_pit]}]
            criteria:
              - {id: C1, clause: "1", title: 甲, grade: major, hazard_when: "kind == \\"undergroud\\""}
            """)
        #expect(d.code == .typeMismatch)
        #expect(d.message.contains("'undergroud' is not an option"))
        #expect(d.message.contains("did you mean 'underground'"))
    }

    @Test("a checklist naming an unknown plugin fails to load at the plugin key")
    func unknownPlugin() throws {
        let d = try only(header + """
            plugin: hazchme
            questions: [{id: a, label: 甲, type: boolean}]
            criteria: [{id: C1, clause: "1", title: 甲, grade: major, hazard_when: a}]
            """)
        #expect(d.code == .unknownPlugin)
        #expect(d.mark.line == 6)
    }

    @Test("criteria that refer to each other in a cycle are rejected")
    func cycle() throws {
        let d = try only(header + """
            questions: [{id: a, label: 甲, type: boolean}]
            criteria:
              - {id: A, clause: "1", title: 甲, grade: major, hazard_when: "a and finding(\\"B\\")"}
              - {id: B, clause: "2", title: 乙, grade: major, hazard_when: "finding(\\"C\\")"}
              - {id: C, clause: "3", title: 丙, grade: major, hazard_when: "finding(\\"A\\")"}
            """)
        #expect(d.code == .criteriaCycle)
        #expect(d.message.contains("A → B → C → A"))
    }

    @Test("an expression syntax error is located inside the expression")
    func expressionSyntax() throws {
        let d = try only(header + """
            questions: [{id: a, label: 甲, type: boolean}]
            criteria: [{id: C1, clause: "1", title: 甲, grade: major, hazard_when: "a && a"}]
            """)
        #expect(d.code == .expressionSyntax)
        #expect(d.message.contains("use 'and'"))
    }

    @Test("finding() of a criterion that does not exist is reported")
    func unknownCriterion() throws {
        let d = try only(header + """
            questions: [{id: a, label: 甲, type: boolean}]
            criteria: [{id: C1, clause: "1", title: 甲, grade: major, hazard_when: "finding(\\"C2\\")"}]
            """)
        #expect(d.code == .unknownCriterion)
    }

    @Test("several mistakes in one file are all reported, in file order")
    func several() {
        let found = diagnostics(header + """
            questions:
              - {id: a, label: 甲, type: boolen}
              - {id: b, label: 乙, type: number, colour: red}
            criteria:
              - {id: C1, clause: "1", title: 甲, grade: severe, hazard_when: b > 1}
              - {id: C2, clause: "2", title: 乙, grade: major, hazard_when: c}
            """)
        #expect(found.map(\.code) == [.invalidValue, .unknownKey, .invalidValue, .unknownIdentifier])
        #expect(found.map(\.mark.line) == [7, 8, 10, 11])
    }
}
