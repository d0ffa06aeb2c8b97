import Foundation
import Synchronization
import HazardCore
import HazardYAML
import Testing

/// Conditions built to overflow the stack at load (seen while writing the expression fuzzer, issue 12):
/// the parser, the compiler and deallocation recurse once per level of the syntax tree, so a
/// few MB of `not not …` or `q or q or …` crashed `hazard lint` and `hazard serve`. They now
/// fail with a located syntax error, and a condition at the limit still loads and grades.
@Suite("Hostile expressions")
struct HostileExpressionTests {
    func checklist(_ condition: String) -> String {
        """
        id: demo
        version: "1"
        sector: demo
        title: 示例
        standard: {code: D-1, title: 示例标准, issuer: 机关, effective: 2024-01-01}
        questions: [{id: q, label: 甲, type: boolean}, {id: n, label: 乙, type: number}]
        criteria:
          - id: C1
            clause: "1"
            title: 甲
            grade: major
            advice: 整改
            hazard_when: "\(condition)"

        """
    }

    func load(_ condition: String) throws(ChecklistError) -> Checklist {
        try ChecklistLoader(registry: PluginRegistry()).load(bytes: Array(checklist(condition).utf8), file: "deep.yaml")
    }

    /// A condition nested 100,000 levels deep in each way the grammar nests (built here, not
    /// passed as an argument, so the test log does not print megabytes).
    static func deepCondition(_ shape: String) -> String {
        let n = 100_000
        func repeated(_ s: String) -> String { String(repeating: s, count: n) }
        switch shape {
        case "not": return repeated("not ") + "q"
        case "parentheses": return repeated("(") + "q" + repeated(")")
        case "unary minus": return repeated("-") + "n > 0"
        case "or chain": return Array(repeating: "q", count: n).joined(separator: " or ")
        case "sum chain": return Array(repeating: "n", count: n).joined(separator: " + ") + " > 0"
        case "nested calls": return repeated("min(") + "n" + repeated(")") + " > 0"
        default: return repeated("q in [(") + "q" + repeated(")]")
        }
    }

    @Test("100,000 levels fail with a syntax error on the condition's line, without overflowing the stack",
          arguments: ["not", "parentheses", "unary minus", "or chain", "sum chain", "nested calls", "nested lists"])
    func deep(shape: String) {
        let error = #expect(throws: ChecklistError.self) { try load(Self.deepCondition(shape)) }
        #expect(error?.diagnostics.count == 1, "\(shape)")
        let d = error?.diagnostics.first
        #expect(d?.code == .expressionSyntax, "\(shape)")
        #expect(d?.message.contains("nests more than 32 levels") == true, "\(shape): \(d?.message ?? "")")
        #expect(d?.mark.line == 13, "\(shape)")
    }

    @Test("a condition exactly at the limit loads; one level more is refused at the operator that crosses it")
    func atLimit() throws {
        let at = Array(repeating: "q", count: 32).joined(separator: " or ")        // 31 `or`s: 32 levels
        #expect(throws: Never.self) { try load(at) }
        let over = at + " or q"
        let error = #expect(throws: ChecklistError.self) { try load(over) }
        let start = #expect(throws: ChecklistError.self) { try load("?") }?.diagnostics.first?.mark.column
        // The 32nd `or` starts 5 × 31 + 2 scalars into the condition.
        #expect(error?.diagnostics.first?.mark.column == start.map { $0 + 5 * 31 + 2 })
    }

    @Test("conditions at the limit compile, grade and deallocate within a 512 KiB stack")
    func limitFitsSmallStack() throws {
        let conditions = [
            Array(repeating: "q", count: 32).joined(separator: " or "),
            String(repeating: "not ", count: 31) + "q",
            String(repeating: "(", count: 30) + "n > 0" + String(repeating: ")", count: 30),
            String(repeating: "-", count: 30) + "n > 0",
            String(repeating: "min(", count: 30) + "n" + String(repeating: ")", count: 30) + " > 0",
        ]
        let finished = DispatchSemaphore(value: 0)
        let outcome = Mutex<[String]>([])
        // macOS secondary threads get 512 KiB; run there, not on the test's own (maybe larger) stack.
        let thread = Thread {
            for condition in conditions {
                do {
                    let loaded = try load(condition)
                    _ = try Engine.evaluate(loaded, input: AnswerInput(.mapping([("q", AnswerInput(.bool(true))), ("n", AnswerInput(.number(1)))])))
                    outcome.withLock { $0.append("ok") }
                } catch {
                    outcome.withLock { $0.append("\(error)") }
                }
            }
            finished.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        finished.wait()
        #expect(outcome.withLock { $0 } == Array(repeating: "ok", count: conditions.count))
    }
}
