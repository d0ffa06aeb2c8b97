import HazardCore
import HazardYAML

/// A generated 200-criterion checklist: every fourth criterion reads the previous one
/// through `finding()` (a dependency chain), every fourth scans a 30-record list.
struct ChainWorkload {
    let checklist: Checklist
    let inputs: [AnswerInput]
    let expected: [[Bool]]

    static let criteria = 200, numbers = 40, flags = 20, records = 30

    init() throws {
        var yaml = "id: chain-200\nversion: \"1\"\nsector: bench\ntitle: 链\nstandard: {code: BENCH, title: 链, issuer: bench, effective: 2020-01-01}\nquestions:\n"
        for i in 0..<Self.numbers { yaml += "  - {id: n\(i), label: n\(i), type: number}\n" }
        for i in 0..<Self.flags { yaml += "  - {id: f\(i), label: f\(i), type: boolean}\n" }
        yaml += "  - {id: items, label: items, type: list, fields: [{id: weight, label: w, type: number}, {id: ok, label: ok, type: boolean}]}\ncriteria:\n"
        for i in 0..<Self.criteria {
            yaml += "  - {id: G\(i), clause: c, title: t, grade: \(i % 3 == 0 ? "major" : "general"), hazard_when: '\(Self.expression(i))'}\n"
        }
        checklist = try ChecklistLoader(registry: PluginRegistry()).load(bytes: Array(yaml.utf8), file: "chain-200")
        var inputs: [AnswerInput] = [], expected: [[Bool]] = []
        for set in 0..<8 {
            let nums = (0..<Self.numbers).map { Double(($0 * 37 + set * 11) % 100) }
            let fl = (0..<Self.flags).map { ($0 + set) % 3 == 0 }
            let items = (0..<Self.records).map { r in (weight: Double((r * 7 + set * 5) % 60), ok: (r + set) % 4 != 0) }
            var pairs: [(key: String, value: AnswerInput)] = []
            for (i, n) in nums.enumerated() { pairs.append(("n\(i)", AnswerInput(.number(n)))) }
            for (i, f) in fl.enumerated() { pairs.append(("f\(i)", AnswerInput(.bool(f)))) }
            pairs.append(("items", AnswerInput(.sequence(items.map { AnswerInput(.mapping([("weight", AnswerInput(.number($0.weight))), ("ok", AnswerInput(.bool($0.ok)))])) }))))
            inputs.append(AnswerInput(.mapping(pairs)))
            // Reference results computed directly, to check the engine.
            var truth: [Bool] = []
            for i in 0..<Self.criteria {
                let n = nums[i % Self.numbers], f = fl[i % Self.flags]
                switch i % 4 {
                case 0: truth.append(items.contains { $0.weight > Double(40 + i % 15) && !$0.ok })
                case 1: truth.append((i > 0 && truth[i - 1]) || n > 70)
                case 2: truth.append(n >= 30 && n < 60 && f)
                default: truth.append(n * 2 + 1 > 120 || (!f && n < 10))
                }
            }
            expected.append(truth)
        }
        self.inputs = inputs
        self.expected = expected
    }

    static func expression(_ i: Int) -> String {
        let n = "n\(i % numbers)", f = "f\(i % flags)"
        switch i % 4 {
        case 0: return "any(items, weight > \(40 + i % 15) and not ok)"
        case 1: return i > 0 ? "finding(\"G\(i - 1)\") or \(n) > 70" : "\(n) > 70"
        case 2: return "\(n) >= 30 and \(n) < 60 and \(f)"
        default: return "\(n) * 2 + 1 > 120 or (not \(f) and \(n) < 10)"
        }
    }
}
