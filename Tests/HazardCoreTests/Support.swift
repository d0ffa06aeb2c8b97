import HazardCore
import HazardYAML
import Testing

/// Builds a checklist from YAML text; the boilerplate header is added when `header` is true.
func checklist(_ body: String, header: Bool = true, registry: PluginRegistry = PluginRegistry([ExamplePlugin()])) throws -> Checklist {
    let text = (header ? checklistHeader : "") + body
    return try ChecklistLoader(registry: registry).load(bytes: Array(text.utf8), file: "test.yaml")
}

/// The diagnostics loading the YAML produces (empty when it loads).
func diagnostics(_ body: String, header: Bool = true) -> [Diagnostic] {
    do {
        _ = try checklist(body, header: header)
        return []
    } catch let error as ChecklistError {
        return error.diagnostics
    } catch {
        Issue.record("unexpected \(error)")
        return []
    }
}

let checklistHeader = """
id: demo
version: "1"
sector: demo
title: 示例检查表
standard: {code: DEMO-1, title: 示例标准, issuer: 示例机关, effective: 2024-01-01}

"""

/// Grades answers given as YAML text (`{a: 1, b: true}`) and returns the status of `criterion`.
func status(_ list: Checklist, _ criterion: String, _ answers: String, date: String? = nil) throws -> FindingStatus {
    let evaluation = try evaluate(list, answers, date: date)
    return try #require(evaluation.finding(CriterionID(criterion))).status
}

func evaluate(_ list: Checklist, _ answers: String, date: String? = nil) throws -> Evaluation {
    let node = try YAMLParser.parse(Array(answers.utf8), file: "answers.yaml")
    let typed = try list.answers(from: node.answerInput, inspectionDate: date.flatMap(Day.init(iso:)))
    return try Engine.evaluate(list, typed)
}

/// A small plugin proving facts and functions reach expressions: `demo.total` sums the
/// `loads` list, `demo.heavy` is true above 100, `demo.double(x)` doubles a number.
struct ExamplePlugin: SectorPlugin {
    var id: String { "demo" }
    var declaredFacts: [FactDeclaration] {
        [FactDeclaration("total", .number, label: "合计"), FactDeclaration("heavy", .boolean, label: "超重"),
         FactDeclaration("band", .enumeration(["low", "high"]), label: "档位")]
    }
    var declaredInputs: [InputDeclaration] { [InputDeclaration("loads", .list(["weight": .number]))] }
    var functions: [PluginFunction] {
        [PluginFunction("double", parameters: [.number], result: .number) { args in args[0]?.number.map { .number($0 * 2) } }]
    }
    func derive(from answers: Answers) throws(PluginError) -> Facts {
        guard let records = answers["loads"]?.records else { return Facts() }
        var total = 0.0
        for (index, record) in records.enumerated() {
            guard let weight = record["weight"]?.number else { return Facts() }
            guard weight >= 0 else { throw PluginError(code: "negative_weight", message: "weight must not be negative", question: "loads", recordIndex: index) }
            total += weight
        }
        return Facts(["total": .number(total), "heavy": .bool(total > 100), "band": .string(total > 100 ? "high" : "low")])
    }
}
