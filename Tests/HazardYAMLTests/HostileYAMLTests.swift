import Foundation
import Synchronization
import HazardCore
import HazardYAML
import Testing

/// Files built to exhaust memory, the stack or time (issue 12) fail with a located error from
/// `YAMLLimits`, and large honest files still parse.
@Suite("Hostile YAML")
struct HostileYAMLTests {
    /// The classic nine-level file: 678 bytes that expand to about 10⁹ scalars.
    static let billionLaughs: String = {
        var lines = ["answers:", #"  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("billion laughs stops at the alias that crosses the node limit, before expanding anything")
    func billionLaughs() throws {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(Array(Self.billionLaughs.utf8), file: "laughs.yaml") }
        #expect(error?.code == .yamlTooManyNodes)
        // Level f (about 600,000 nodes) fits; the second *f on line 8 crosses 1,000,000.
        #expect(error?.mark.line == 8)
        #expect(error?.description.hasPrefix("laughs.yaml:8:") == true)
        #expect(error?.description.hasSuffix("[yamlTooManyNodes]") == true)
    }

    @Test("billion laughs as an answers file is a located diagnostic, as `hazard evaluate` prints it")
    func billionLaughsAnswers() {
        let error = #expect(throws: ChecklistError.self) { try AnswersFile.parse(Array(Self.billionLaughs.utf8), file: "laughs.yaml") }
        #expect(error?.diagnostics.map(\.code) == [.yamlTooManyNodes])
    }

    @Test("one long line of 200,000 quoted strings parses, each string kept with its source (read onward, not from the line's start each time)")
    func oneLongLineOfQuotedStrings() throws {
        // 2.4 MB on one line. Finding each string's column from the line's start cost ~10¹¹ steps.
        let text = "answers: {list: [" + Array(repeating: #""a\tb""#, count: 200_000).joined(separator: ",") + "]}\n"
        let root = try YAMLParser.parse(Array(text.utf8), file: "long.yaml")
        guard case .mapping(let top) = root.kind, case .mapping(let answers) = top[0].value.kind,
              case .sequence(let items) = answers[0].value.kind else { Issue.record("unexpected shape"); return }
        #expect(items.count == 200_000)
        let last = try #require(items.last)
        #expect(last.source?.text == #"a\tb""#)
        #expect(last.source?.quoting == .double)
        #expect(last.contentMark.line == 1 && last.contentMark.column == text.utf8.count - 7)
    }

    @Test("each use of an alias counts the whole subtree it names")
    func aliasesCountInFull() throws {
        let text = "a: &x [1, 2, 3, 4]\nb: *x\nc: *x\n"
        // 1 root + 3 keys + 3 × (list of 4) = 19 nodes.
        _ = try YAMLParser.parse(Array(text.utf8), file: "f.yaml", limits: YAMLLimits(maxNodes: 19))
        let error = #expect(throws: YAMLError.self) {
            try YAMLParser.parse(Array(text.utf8), file: "f.yaml", limits: YAMLLimits(maxNodes: 18))
        }
        #expect(error?.code == .yamlTooManyNodes)
        #expect(error?.mark == SourceMark(file: "f.yaml", line: 3, column: 4))
    }

    @Test("an alias may not be the way to nest deeper than the limit")
    func aliasDepth() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let text = "a: &d \(deep)\nb: " + String(repeating: "[", count: 30) + "*d" + String(repeating: "]", count: 30) + "\n"
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(Array(text.utf8), file: "f.yaml") }
        #expect(error?.code == .yamlTooDeep)
        #expect(error?.mark == SourceMark(file: "f.yaml", line: 2, column: 34))
    }

    @Test("10,000 nested levels fail with the depth error at the 65th, without overflowing the stack",
          arguments: [("flow", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), 65),
                      ("block", String(repeating: "- ", count: 10_000) + "x", 129),
                      ("mapping", String(repeating: "{a: ", count: 10_000) + "x" + String(repeating: "}", count: 10_000), 257)])
    func deepNesting(style: String, text: String, column: Int) {
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(Array(text.utf8), file: "\(style).yaml") }
        #expect(error?.code == .yamlTooDeep)
        #expect(error?.mark == SourceMark(file: "\(style).yaml", line: 1, column: column))
    }

    @Test("10,000 nested answers fail in the answers file and the checklist loader alike")
    func deepAnswersAndChecklist() {
        let bytes = Array(("answers: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n").utf8)
        let answers = #expect(throws: ChecklistError.self) { try AnswersFile.parse(bytes, file: "deep.yaml") }
        #expect(answers?.diagnostics.map(\.code) == [.yamlTooDeep])
        // The root mapping is level 1, so the 64th bracket (column 9 + 64) is level 65.
        #expect(answers?.diagnostics.first?.mark.column == 73)
        let checklist = #expect(throws: ChecklistError.self) {
            try ChecklistLoader(registry: PluginRegistry()).load(bytes: bytes, file: "deep.yaml")
        }
        #expect(checklist?.diagnostics.map(\.code) == [.yamlTooDeep])
    }

    @Test("a caller cannot raise the depth limit past the ceiling later walkers rely on")
    func depthCeiling() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = #expect(throws: YAMLError.self) {
            try YAMLParser.parse(Array(text.utf8), file: "f.yaml", limits: YAMLLimits(maxDepth: 1_000_000))
        }
        #expect(error?.code == .yamlTooDeep)
        #expect(error?.mark.column == YAMLLimits.depthCeiling + 1)
    }

    @Test("nesting up to the limit parses, and converts to answers")
    func depthAtLimit() throws {
        let text = String(repeating: "[", count: 64) + "1" + String(repeating: "]", count: 64)
        let node = try YAMLParser.parse(Array(text.utf8), file: "f.yaml")
        var input = node.answerInput
        var levels = 0
        while case .sequence(let items) = input.kind, let first = items.first {
            levels += 1
            input = first
        }
        #expect(levels == 64)
    }

    @Test("a tree at the depth ceiling converts, hashes, compares and deallocates within a 512 KiB stack")
    func ceilingFitsSmallStack() throws {
        let depth = YAMLLimits.depthCeiling
        let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        let limits = YAMLLimits(maxDepth: depth)
        // macOS secondary threads get 512 KiB; run there, not on the test's own (maybe larger) stack.
        let finished = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<Bool, YAMLError>?>(nil)
        let thread = Thread {
            do throws(YAMLError) {
                let input = try YAMLParser.parse(Array(text.utf8), file: "f.yaml", limits: limits).answerInput
                var hasher = Hasher()
                input.hash(into: &hasher)
                _ = hasher.finalize()
                outcome.withLock { $0 = .success(input == input) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            finished.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        finished.wait()
        #expect(try outcome.withLock { try $0?.get() } == true)
    }

    @Test("a 40,000-record list parses (the list was quadratic: 33 s)")
    func longList() throws {
        var text = "answers:\n  severe_weather_warnings:\n"
        for i in 0..<40_000 {
            text += "    - warning_kind: rainstorm\n      warning_level: orange\n      operated_against_stop: \(i.isMultiple(of: 2))\n"
        }
        let file = try AnswersFile.parse(Array(text.utf8), file: "long.yaml")
        guard case .sequence(let records) = file.answers["severe_weather_warnings"]?.kind else {
            Issue.record("not a list")
            return
        }
        #expect(records.count == 40_000)
        #expect(records.last?.mark?.line == 2 + 3 * 39_999 + 1)
    }

    @Test("a mapping of 40,000 keys parses, and a duplicate among them is still found")
    func manyKeys() throws {
        var text = ""
        for i in 0..<40_000 { text += "k\(i): \(i)\n" }
        guard case .mapping(let pairs) = try YAMLParser.parse(Array(text.utf8), file: "f.yaml").kind else {
            Issue.record("not a mapping")
            return
        }
        #expect(pairs.count == 40_000)
        let error = #expect(throws: YAMLError.self) { try YAMLParser.parse(Array((text + "k17: again\n").utf8), file: "f.yaml") }
        #expect(error?.code == .yamlSyntax)
        #expect(error?.mark.line == 40_001)
        #expect(error?.message.contains("first at line 18") == true)
    }

    @Test("input over the size limit is refused at its first line")
    func oversizedBytes() throws {
        let text = "answers: {}\n" + String(repeating: "#", count: 2_000) + "\n"
        _ = try YAMLParser.parse(Array(text.utf8), file: "f.yaml", limits: YAMLLimits(maxInputBytes: text.utf8.count))
        let error = #expect(throws: YAMLError.self) {
            try YAMLParser.parse(Array(text.utf8), file: "f.yaml", limits: YAMLLimits(maxInputBytes: 1_024))
        }
        #expect(error?.code == .yamlTooLarge)
        #expect(error?.mark == SourceMark(file: "f.yaml", line: 1, column: 1))
    }

    @Test("an answers file over 8 MiB is refused, read no further than the limit")
    func oversizedFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.answers.yaml").path
        let limit = YAMLLimits.standard.maxInputBytes
        let content = Data(("answers: {}\n#" + String(repeating: "x", count: limit)).utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: content))
        let error = #expect(throws: ChecklistError.self) { try AnswersFile.load(path: path) }
        #expect(error?.diagnostics.map(\.code) == [.yamlTooLarge])
        #expect(error?.diagnostics.first?.mark == SourceMark(file: path, line: 1, column: 1))
        #expect(error?.description.contains("8 MiB") == true)
    }

    @Test("a file that never ends is refused at the size limit")
    func endlessFile() throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/zero"))
        let error = #expect(throws: YAMLError.self) { try YAMLFile.read(path: "/dev/zero", limits: YAMLLimits(maxInputBytes: 4_096)) }
        #expect(error?.code == .yamlTooLarge)
    }
}
