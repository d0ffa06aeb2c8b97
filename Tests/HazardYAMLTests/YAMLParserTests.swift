import HazardCore
import HazardYAML
import Testing

@Suite("YAML through libyaml")
struct YAMLParserTests {
    @Test("nodes keep 1-based line and column marks")
    func marks() throws {
        let node = try YAMLParser.parse(Array("a: 1\nlist:\n  - x\n  - \"y\"\n".utf8), file: "f.yaml")
        guard case .mapping(let pairs) = node.kind else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.key) == ["a", "list"])
        #expect(pairs[1].keyMark == SourceMark(file: "f.yaml", line: 2, column: 1))
        guard case .sequence(let items) = pairs[1].value.kind else { Issue.record("not a list"); return }
        #expect(items[1].mark == SourceMark(file: "f.yaml", line: 4, column: 5))
        #expect(items[1].contentMark.column == 6)
    }

    @Test("a duplicate key is an error, not a silent overwrite")
    func duplicateKey() {
        #expect(throws: YAMLError.self) { try YAMLParser.parse(Array("a: 1\na: 2\n".utf8), file: "f.yaml") }
    }

    @Test("plain and quoted scalars are told apart, so questions can type them")
    func scalarStyles() throws {
        let node = try YAMLParser.parse(Array("{a: 2024-01-01, b: '12'}".utf8), file: "f.yaml")
        #expect(node.answerInput["a"]?.kind == .plain("2024-01-01"))
        #expect(node.answerInput["b"]?.kind == .string("12"))
    }

    @Test("aliases resolve to their anchors")
    func aliases() throws {
        let node = try YAMLParser.parse(Array("x: &v 3\ny: *v\n".utf8), file: "f.yaml")
        #expect(node.answerInput["y"]?.kind == .plain("3"))
    }

    @Test("JSON answers files parse too")
    func json() throws {
        let file = try AnswersFile.parse(Array(#"{"checklist": "demo", "inspection_date": "2026-01-02", "answers": {"a": true, "n": 1.5}}"#.utf8), file: "a.json")
        #expect(file.checklist == "demo")
        #expect(file.inspectionDate == Day(iso: "2026-01-02"))
        #expect(file.answers["n"]?.kind == .plain("1.5"))
    }

    @Test("an answers file with an unknown key is rejected with its line")
    func answersFileUnknownKey() {
        do {
            _ = try AnswersFile.parse(Array("answer: {a: 1}\n".utf8), file: "a.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map(\.code).contains(.unknownKey))
            #expect(error.diagnostics.first?.mark.line == 1)
        }
    }
}
