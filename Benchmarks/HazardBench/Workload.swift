import Foundation
import HazardCore
import HazardYAML

/// The neutral workload (`shared/bench/workload-100.json`) as a checklist plus answer sets.
struct Workload {
    let checklist: Checklist
    /// Each answer set as a decoded JSON value would arrive over RPC.
    let inputs: [AnswerInput]
    /// Expected truth value of every criterion, per answer set.
    let expected: [[Bool]]

    /// Builds a checklist whose criteria are the workload's expressions verbatim (the
    /// workload's syntax is a subset of ours). Dates are epoch-day integers in the workload,
    /// so they are integer questions here.
    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let types = root["answer_types"] as? [String: String],
              let criteria = root["criteria"] as? [[String: Any]],
              let sets = root["answer_sets"] as? [[String: Any]] else { throw BenchError("unexpected workload shape") }
        var options: [String: Set<String>] = [:]
        for set in sets {
            for (key, value) in (set["answers"] as? [String: Any]) ?? [:] where types[key] == "enum" {
                if let s = value as? String { options[key, default: []].insert(s) }
            }
        }
        // Enum literals in expressions are options too.
        for criterion in criteria {
            let expr = criterion["expr"] as? String ?? ""
            let pattern = try NSRegularExpression(pattern: #"(answer_\d+) == "([a-z_]+)""#)
            for match in pattern.matches(in: expr, range: NSRange(expr.startIndex..., in: expr)) {
                if let k = Range(match.range(at: 1), in: expr), let v = Range(match.range(at: 2), in: expr) {
                    options[String(expr[k]), default: []].insert(String(expr[v]))
                }
            }
        }
        var yaml = "id: workload-100\nversion: \"1\"\nsector: bench\ntitle: 基准\nstandard: {code: BENCH, title: 基准, issuer: bench, effective: 2020-01-01}\nquestions:\n"
        for key in types.keys.sorted(by: { Int($0.dropFirst(7)) ?? 0 < Int($1.dropFirst(7)) ?? 0 }) {
            switch types[key] {
            case "float": yaml += "  - {id: \(key), label: \(key), type: number}\n"
            case "int", "date": yaml += "  - {id: \(key), label: \(key), type: integer}\n"
            case "bool": yaml += "  - {id: \(key), label: \(key), type: boolean}\n"
            default: yaml += "  - {id: \(key), label: \(key), type: enum, options: [\((options[key] ?? ["none"]).sorted().joined(separator: ", "))]}\n"
            }
        }
        yaml += "criteria:\n"
        for criterion in criteria {
            let id = criterion["id"] as? String ?? "?"
            let expr = (criterion["expr"] as? String ?? "").replacingOccurrences(of: "'", with: "''")
            yaml += "  - {id: \(id), clause: \(id), title: \(id), grade: major, hazard_when: '\(expr)'}\n"
        }
        checklist = try ChecklistLoader(registry: PluginRegistry()).load(bytes: Array(yaml.utf8), file: "workload-100")
        inputs = sets.map { set in
            let answers = (set["answers"] as? [String: Any]) ?? [:]
            // Document order of the workload file (answer_0, answer_1, …), as a JSON reader keeps it.
            return AnswerInput(.mapping(answers.keys.sorted { (Int($0.dropFirst(7)) ?? 0) < (Int($1.dropFirst(7)) ?? 0) }.map { key in
                let value = answers[key]
                let kind: AnswerInput.Kind
                if let b = value as? Bool, types[key] == "bool" { kind = .bool(b) }
                else if let n = value as? NSNumber { kind = .number(n.doubleValue) }
                else if let s = value as? String { kind = .string(s) }
                else { kind = .null }
                return (key: key, value: AnswerInput(kind))
            }))
        }
        expected = sets.map { ($0["expected"] as? [Bool]) ?? [] }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
