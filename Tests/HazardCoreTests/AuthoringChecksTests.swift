import Foundation
import HazardCore
import HazardYAML
import Testing

/// What the schema says of a checklist, the loader now says too, located: values that load
/// but mislead (a unit on a yes/no question, an option spelt two ways, an empty title, an
/// `item: []` that silently meant the clause, a successor the set does not hold).
@Suite("authoring checks the schema states")
struct AuthoringChecksTests {
    static let criterion = "criteria: [{id: C1, clause: \"1\", title: 甲, grade: major, hazard_when: a}]\n"

    static func codes(_ body: String) -> [Diagnostic.Code] { diagnostics(body).map(\.code) }

    @Test("an option value outside a-z, 0-9 and _ is invalid, however the option is written", arguments: [
        "questions: [{id: a, label: 甲, type: boolean}, {id: e, label: 类, type: enum, options: [Bad-Value]}]\n",
        "questions: [{id: a, label: 甲, type: boolean}, {id: e, label: 类, type: enum, options: [{value: 中文, label: 中文}]}]\n",
        "questions: [{id: a, label: 甲, type: boolean}, {id: e, label: 类, type: enum, options: [has space]}]\n",
    ])
    func optionValues(questions: String) {
        let found = diagnostics(questions + Self.criterion)
        #expect(found.map(\.code) == [.invalidValue], "\(found)")
        #expect(found.first?.message.contains("option value") == true)
    }

    @Test("a unit belongs to numbers only: on a yes/no question it is an error")
    func unitOnBoolean() {
        let found = diagnostics("questions: [{id: a, label: 甲, type: boolean, unit: m}]\n" + Self.criterion)
        #expect(found.map(\.code) == [.invalidValue])
        #expect(found.first?.message == "only number and integer questions take 'unit'")
        #expect(Self.codes("questions: [{id: a, label: 甲, type: boolean}, {id: d, label: 深, type: number, unit: m}]\n" + Self.criterion).isEmpty)
    }

    @Test("item: [] names no item and is refused rather than read as the clause")
    func emptyItemList() {
        let found = diagnostics("questions: [{id: a, label: 甲, type: boolean}]\ncriteria: [{id: C1, clause: \"1\", item: [], title: 甲, grade: major, hazard_when: a}]\n")
        #expect(found.map(\.code) == [.invalidValue])
        #expect(found.first?.mark.line == 7)
    }

    @Test("an empty title, label or clause is refused")
    func emptyTexts() {
        #expect(Self.codes("questions: [{id: a, label: \"\", type: boolean}]\n" + Self.criterion) == [.invalidValue])
        #expect(Self.codes("questions: [{id: a, label: 甲, type: boolean}]\ncriteria: [{id: C1, clause: \"\", title: 甲, grade: major, hazard_when: a}]\n") == [.invalidValue])
        #expect(Self.codes("questions: [{id: a, label: 甲, type: boolean}]\ncriteria: [{id: C1, clause: \"1\", title: \"\", grade: major, hazard_when: a}]\n") == [.invalidValue])
    }

    @Test("a sector is a folder name: lower-case letters, digits and '-'")
    func sectorName() {
        let body = "questions: [{id: a, label: 甲, type: boolean}]\n" + Self.criterion
        let found = diagnostics(checklistHeader.replacingOccurrences(of: "sector: demo", with: "sector: Not A Folder!") + body, header: false)
        #expect(found.map(\.code) == [.invalidValue])
        #expect(found.first?.mark.line == 3)
    }

    @Test("a successor not loaded with the checklist is a located warning; loaded beside it, none")
    func successorInTheSet() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("successor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, id: String, standard: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            let text = """
                id: \(id)
                version: "1"
                sector: demo
                title: 示例
                standard: {code: \(standard)}
                questions: [{id: a, label: 甲, type: boolean}]
                \(Self.criterion)
                """
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let old = try write("old.yaml", id: "old", standard: "OLD-1, title: 旧, issuer: 机关, effective: 2017-01-01, valid_until: 2025-10-31, superseded_by: NEW-1, successor: new")
        let alone = ChecklistLoader(registry: PluginRegistry([])).loadAll([old])
        let warning = try #require(alone.diagnostics.first { $0.code == .unknownSuccessor })
        #expect(warning.severity == .warning && alone.checklists.count == 1)
        let line5 = try String(contentsOfFile: old, encoding: .utf8).components(separatedBy: "\n")[4]
        let column = try #require(line5.range(of: "successor: ")).upperBound
        #expect(warning.mark.line == 5 && warning.mark.column == line5[..<column].count + 1, "\(warning)")

        _ = try write("new.yaml", id: "new", standard: "NEW-1, title: 新, issuer: 机关, effective: 2025-11-01")
        let both = ChecklistLoader(registry: PluginRegistry([])).loadAll([folder.path])
        #expect(!both.diagnostics.contains { $0.code == .unknownSuccessor })
        #expect(both.checklists.count == 2)
    }
}
