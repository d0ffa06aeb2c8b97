import BenchSupport
import Foundation
import HazardCore
import HazardPlugins
import HazardRPC
import HazardYAML
import Logging
import NIOCore

/// `make bench` (release): guided inspection. Replays every shipped example through
/// `InspectionGuide` (README, "Guided inspection": questions in the checklist vs. asked),
/// fails unless each reaches the findings of the full answers, then times one
/// `inspection.next` per state the replay passed through: the engine call from a decoded
/// answers object, and the whole RPC dispatch (JSON request in, JSON response out).
let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "."
let loaded = ChecklistLoader(registry: BuiltinPlugins.registry).loadAll([root + "/checklists"])
let byID = Dictionary(loaded.checklists.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
let examples = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/examples")) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()

func perCall(_ calls: Int, _ body: () -> Void) -> (median: Double, min: Double, max: Double) {
    let m = BenchMeasurement.run("", samples: 15, units: calls, repeat: max(1, 2000 / calls), body)
    return (m.median / 1000, m.min / 1000, m.max / 1000)
}

func f(_ x: Double) -> String { String(format: "%.1f", x) }

var failed = false
var rows: [String] = []
print("| Example | Checklist | Questions | Answered in the example | Asked by `hazard inspect` | Same findings | inspection.next engine µs (median, min–max) | RPC dispatch µs (median, min–max) |")
print("|---|---|---|---|---|---|---|---|")
for example in examples {
    do {
        let file = try AnswersFile.load(path: root + "/examples/" + example)
        guard let id = file.checklist, let checklist = byID[id] else { throw SessionFailure("\(example): no checklist") }
        let full = try checklist.answers(from: file.answers, inspectionDate: file.inspectionDate)
        let replay = try InspectionReplay(checklist: checklist, full: full)
        let differences = try replay.differences()
        if !differences.isEmpty { failed = true; print("\(example): findings differ: \(differences)") }
        let guide = InspectionGuide(checklist)
        let inputs = replay.states.map { $0.answers.input(skipped: $0.skipped, order: checklist.questions) }
        let engine = perCall(inputs.count) {
            for input in inputs { blackHole(try? guide.next(input: input, inspectionDate: full.inspectionDate)) }
        }
        if ProcessInfo.processInfo.environment["INSPECT_BENCH_STAGES"] != nil {
            // Where an engine call's time goes: binding and facts alone, then the whole call.
            let bind = perCall(inputs.count) {
                for input in inputs { blackHole(try? Engine.prepare(checklist, input: input, inspectionDate: full.inspectionDate)) }
            }
            print("  \(checklist.id): bind + facts \(f(bind.median)) µs of \(f(engine.median)) µs per call")
        }
        // The whole method as a client sees it, one frame per state.
        let dispatcher = RPCDispatcher(methods: RPCEngineMethods(checklists: [checklist], serverVersion: "bench").methods(info: { [] }),
                                       auth: nil, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let frames = replay.states.map { state in
            ByteBuffer(bytes: requestJSON(checklist.id.rawValue, state.answers.input(skipped: state.skipped, order: checklist.questions), full.inspectionDate))
        }
        var session = dispatcher.makeSession()
        var scratch = RPCScratch()
        let rpc = perCall(frames.count) {
            for frame in frames {
                var out = ByteBuffer()
                _ = dispatcher.respondNow(to: frame, session: &session, into: &out, scratch: &scratch)
                blackHole(out)
            }
        }
        print("| `examples/\(example)` | `\(checklist.id)` | \(checklist.questions.count) | \(full.values.count) | \(replay.asked.count) | \(differences.isEmpty ? "yes" : "**no**") | \(f(engine.median)) (\(f(engine.min))–\(f(engine.max))) | \(f(rpc.median)) (\(f(rpc.min))–\(f(rpc.max))) |")
    } catch {
        failed = true
        print("\(example): \(error)")
    }
}
exit(failed ? 1 : 0)

struct SessionFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

/// A JSON-RPC request for `inspection.next`, written by hand: the bench times the server, not a client library.
func requestJSON(_ checklist: String, _ answers: AnswerInput, _ date: Day?) -> [UInt8] {
    var text = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"inspection.next\",\"params\":{\"checklist\":" + quote(checklist)
    if let date { text += ",\"inspection_date\":\"\(date)\"" }
    text += ",\"answers\":" + json(answers) + "}}"
    return Array(text.utf8)
}

func json(_ input: AnswerInput) -> String {
    switch input.kind {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n), .decimal(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)"
    case .string(let s), .plain(let s): return quote(s)
    case .sequence(let items): return "[" + items.map(json).joined(separator: ",") + "]"
    case .mapping(let pairs): return "{" + pairs.map { quote($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
    }
}

func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
