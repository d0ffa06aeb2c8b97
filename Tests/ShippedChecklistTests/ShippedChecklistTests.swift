import Foundation
import HazardCore
import HazardPlugins
import HazardTestSupport
import HazardYAML
import Testing

/// The checklists and examples the project ships, loaded as users load them.
@Suite("Shipped checklists")
struct ShippedChecklistTests {
    static let root = PackageRoot.url
    static let batch = ChecklistLoader(registry: BuiltinPlugins.registry).loadAll([root.appendingPathComponent("checklists").path])
    static var ids: [String] { batch.checklists.map(\.id.rawValue) }

    @Test("reloading a batch compiles equal checklists that share no objects with the first set")
    func reloaded() throws {
        let loader = ChecklistLoader(registry: BuiltinPlugins.registry)
        let copies = loader.reloaded(Self.batch)
        #expect(Self.batch.sources.count == Self.batch.checklists.count)
        #expect(copies.map(\.id) == Self.batch.checklists.map(\.id))
        #expect(copies.map(\.sha256) == Self.batch.checklists.map(\.sha256))
        for (copy, original) in zip(copies, Self.batch.checklists) {
            #expect(copy !== original)
            // Same grading: every criterion of an empty inspection comes out the same.
            let a = try Engine.evaluate(copy, input: AnswerInput(.mapping([])))
            let b = try Engine.evaluate(original, input: AnswerInput(.mapping([])))
            #expect(a == b)
        }
    }

    @Test("every shipped checklist loads without a diagnostic")
    func load() {
        #expect(Self.batch.diagnostics.isEmpty, "\(Self.batch.diagnostics)")
        #expect(Self.batch.checklists.count == Self.batch.files.count)
        #expect(Self.batch.checklists.count >= 12)
    }

    @Test("every sector of the campaign has a checklist", arguments: [
        "hazardous-chemicals", "construction", "fire-safety", "mining", "gas", "special-equipment",
        "road-transport", "waterway-transport", "industry-trade",
    ])
    func sectors(sector: String) {
        #expect(Self.batch.checklists.contains { $0.sector == sector })
    }

    @Test("each checklist's own test cases pass and drive every criterion both ways", arguments: ShippedChecklistTests.ids)
    func cases(id: String) throws {
        let checklist = try #require(Self.batch.checklists.first { $0.id.rawValue == id })
        let report = ChecklistTestRunner.run(checklist)
        #expect(report.failed == 0, "\(report.failures.map(\.description).joined(separator: "\n"))")
        #expect(report.uncovered.isEmpty, "\(report.uncovered)")
    }

    @Test("a superseded standard names its successor")
    func superseded() {
        for checklist in Self.batch.checklists where checklist.standard.validUntil != nil {
            #expect(checklist.standard.supersededBy != nil, "\(checklist.id)")
        }
    }

    @Test("every shipped checklist declares its standard's items and encodes each one whose text we have")
    func coverage() {
        for checklist in Self.batch.checklists {
            #expect(checklist.coverage.declared > 0, "\(checklist.id) declares no standard.items")
            #expect(checklist.coverage.uncovered.isEmpty, "\(checklist.id): \(checklist.coverage.uncovered)")
        }
    }

    @Test("coal-2026 encodes all 123 first-level items of 第四条–第二十条")
    func coalComplete() throws {
        let coal = try #require(Self.batch.checklists.first { $0.id == "coal-2026" })
        #expect(coal.coverage.summary == "123/123")
        #expect(coal.manualCount == 0)
    }

    @Test("a hazchem inspection from 2026-09-30 says AQ 3067-2026 is in force and its items are not encoded")
    func aq3067() throws {
        let hazchem = try #require(Self.batch.checklists.first { $0.id == "hazchem-2017" })
        #expect(hazchem.standard.successor == nil)
        let before = try Engine.evaluate(hazchem, input: AnswerInput(.mapping([])), inspectionDate: Day(iso: "2026-09-29"))
        #expect(before.warnings.isEmpty)
        let after = try Engine.evaluate(hazchem, input: AnswerInput(.mapping([])), inspectionDate: Day(iso: "2026-09-30"))
        let warning = try #require(after.warnings.first)
        #expect(warning.code == .standardReplacedNotEncoded)
        #expect(warning.message.contains("the standard in force is AQ 3067—2026"))
        #expect(warning.message.contains("whose items are not encoded in this tool"))
    }

    @Test("every example answers file grades without an error and finds a hazard")
    func examples() throws {
        let folder = Self.root.appendingPathComponent("examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 9)
        for name in files {
            let file = try AnswersFile.load(path: folder.appendingPathComponent(name).path)
            let id = try #require(file.checklist, "\(name) names no checklist")
            let checklist = try #require(Self.batch.checklists.first { $0.id == id }, "\(name): no checklist \(id)")
            let evaluation = try Engine.evaluate(checklist, input: file.answers, inspectionDate: file.inspectionDate)
            #expect(evaluation.counts.major + evaluation.counts.general > 0, "\(name) finds no hazard")
        }
    }

    @Test("every shipped checklist validates against the published JSON Schema")
    func schema() throws {
        let script = Self.root.appendingPathComponent("checklists/schema/validate.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, Self.root.appendingPathComponent("checklists").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch {
            print("schema validation skipped: python3 is not available (\(error))")
            return
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 2 {
            print("schema validation skipped: \(output)")
            return
        }
        #expect(process.terminationStatus == 0, "\(output)")
    }

    @Test("the schema rejects what the loader rejects: an unknown key")
    func schemaAgreesWithLoader() throws {
        let bad = """
            id: bad
            version: "1"
            sector: demo
            title: 坏
            standard: {code: X, title: X, issuer: X, effective: 2024-01-01}
            questions: [{id: a, label: 甲, type: boolean}]
            criteria: [{id: C1, clause: "1", title: 甲, grade: major, hazard_when: a, advise: x}]
            """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
        try bad.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: ChecklistError.self) { try ChecklistLoader(registry: PluginRegistry()).load(file: file.path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("checklists/schema/validate.py").path, file.path]
        process.standardOutput = Pipe()
        guard (try? process.run()) != nil else { return }
        process.waitUntilExit()
        if process.terminationStatus == 2 { return }
        #expect(process.terminationStatus == 1)
    }
}
