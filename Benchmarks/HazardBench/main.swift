import BenchSupport
import Foundation
import HazardCore
import HazardYAML

/// `make bench` (release): the engine on the neutral workload and a generated dependency
/// chain, typed answers vs. including conversion from a decoded JSON value, checked
/// against the expected truth values before anything is timed.
let arguments = CommandLine.arguments
let workloadPath = arguments.count > 1 ? arguments[1] : "../shared/bench/workload-100.json"
let jsonOut = arguments.count > 2 ? arguments[2] : nil

func check(_ checklist: Checklist, _ inputs: [AnswerInput], _ expected: [[Bool]]) throws -> [AnswerSlots] {
    var slots: [AnswerSlots] = []
    var buffer: [UInt8] = []
    for (set, input) in inputs.enumerated() {
        let answers = try checklist.answers(from: input)
        let bound = try Engine.prepare(checklist, answers)
        Engine.run(checklist, bound, buffer: &buffer)
        let full = try Engine.evaluate(checklist, input: input)
        let viaAnswers = try Engine.evaluate(checklist, answers)
        guard full == viaAnswers else { throw BenchError("\(checklist.id): the one-pass and typed-answer paths disagree on set \(set)") }
        for (index, want) in expected[set].enumerated() {
            let got = Engine.isHazard(buffer, index)
            guard got == want, full.findings[index].status.isHazard == want else {
                throw BenchError("\(checklist.id) answer set \(set) criterion \(checklist.criteria[index].id): expected \(want), got \(got)")
            }
        }
        slots.append(bound)
    }
    return slots
}

func bench(_ label: String, _ checklist: Checklist, _ inputs: [AnswerInput], _ expected: [[Bool]]) throws -> [String: Double] {
    let slots = try check(checklist, inputs, expected)
    let units = inputs.count * checklist.criteria.count
    print("\(label): \(checklist.criteria.count) criteria × \(inputs.count) answer sets — results match the expected truth values")
    var buffer: [UInt8] = []
    if ProcessInfo.processInfo.environment["HAZARD_BENCH_PROFILE"] == "converted" {
        // For `perf record`: spend the time in the conversion path only.
        for _ in 0..<20000 { for input in inputs { if let s = try? Engine.prepare(checklist, input: input) { Engine.run(checklist, s, buffer: &buffer) } } }
        exit(0)
    }
    let typed = BenchMeasurement.run("  typed answers (engine inner loop)", units: units, repeat: 2000) {
        for s in slots { Engine.run(checklist, s, buffer: &buffer) }
    }
    let converted = BenchMeasurement.run("  from decoded JSON (validate + bind + run)", units: units, repeat: 300) {
        for input in inputs {
            guard let s = try? Engine.prepare(checklist, input: input) else { fatalError("rejected") }
            Engine.run(checklist, s, buffer: &buffer)
        }
    }
    let full = BenchMeasurement.run("  full evaluation (findings, evidence, score)", units: units, repeat: 100) {
        for input in inputs {
            guard let e = try? Engine.evaluate(checklist, input: input) else { fatalError("rejected") }
            if e.findings.isEmpty { fatalError("no findings") }
        }
    }
    for m in [typed, converted, full] { print(m.line()) }
    let perEval = typed.median * Double(checklist.criteria.count)
    print("  → \(Int(1e9 / perEval)) evaluations/s typed, \(Int(1e9 / (converted.median * Double(checklist.criteria.count)))) from JSON, \(Int(1e9 / (full.median * Double(checklist.criteria.count)))) full")
    return ["typed_median": typed.median, "typed_min": typed.min, "typed_max": typed.max,
            "converted_median": converted.median, "converted_min": converted.min, "converted_max": converted.max,
            "full_median": full.median, "full_min": full.min, "full_max": full.max]
}

do {
    if let spec = ProcessInfo.processInfo.environment["HAZARD_BENCH_EVALUATE"] {
        // For `perf record`: HAZARD_BENCH_EVALUATE=checklist.yaml:answers.yaml loops full evaluations.
        let parts = spec.split(separator: ":").map(String.init)
        let checklist = try ChecklistLoader(registry: PluginRegistry()).load(file: parts[0])
        let file = try AnswersFile.load(path: parts[1])
        let start = BenchMeasurement.now()
        for _ in 0..<100_000 { _ = try Engine.evaluate(checklist, input: file.answers, inspectionDate: file.inspectionDate) }
        print("\(Double(BenchMeasurement.now() - start) / 100_000 / 1000) µs per evaluation")
        exit(0)
    }
    let workload = try Workload(path: workloadPath)
    var results: [String: [String: Double]] = [:]
    results["workload-100"] = try bench("workload-100", workload.checklist, workload.inputs, workload.expected)
    let chain = try ChainWorkload()
    results["chain-200"] = try bench("chain-200 (finding() chain, list-of-records)", chain.checklist, chain.inputs, chain.expected)
    if let jsonOut {
        let data = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: jsonOut))
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
