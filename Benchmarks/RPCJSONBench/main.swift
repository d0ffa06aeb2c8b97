// Measures the JSON cost of one RPC request (~1.5 KB hazard.grade request with the gas example
// answers): Foundation's JSONDecoder/JSONEncoder and JSONSerialization against HazardRPC's
// JSONReader/JSONWriter. Prints median/min/max µs per operation and each ratio to ours.
//
//   swift run -c release RPCJSONBench [path/to/request.json]
import HazardCoreJSON
import HazardJSON
import Foundation
import HazardCore
import HazardRPC
import HazardYAML
import Logging
import NIOCore

/// A Codable mirror of the request, as a Foundation-based server would decode it.
struct Request: Codable {
    var jsonrpc: String
    var id: Int
    var method: String
    var params: Params
    struct Params: Codable {
        var checklist: String
        var inspection_date: String?
        var answers: [String: Answer]
    }
}

enum Answer: Codable {
    case bool(Bool), number(Double), string(String), records([[String: Answer]]), null
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else { self = .records(try c.decode([[String: Answer]].self)) }
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .records(let r): try c.encode(r)
        case .null: try c.encodeNil()
        }
    }
}

@inline(never) func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

func measure(_ name: String, iterations: Int = 2_000, rounds: Int = 15, _ body: () throws -> Void) rethrows -> Double {
    var perOp: [Double] = []
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        for _ in 0..<iterations { try body() }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        perOp.append(seconds / Double(iterations) * 1e6)
    }
    perOp.sort()
    let median = perOp[perOp.count / 2]
    print(String(format: "%-34@ median %8.2f µs   min %8.2f   max %8.2f", name as NSString, median, perOp.first ?? 0, perOp.last ?? 0))
    return median
}

let path = CommandLine.arguments.dropFirst().first ?? "Tests/HazardRPCTests/Fixtures/gas-grade-request.json"
guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("RPCJSONBench: cannot read \(path)\n".utf8))
    exit(1)
}
let bytes = [UInt8](data)
print("document: \(path), \(bytes.count) bytes")

let decoder = JSONDecoder()
let encoder = JSONEncoder()
let decoded = try decoder.decode(Request.self, from: data)
let object = try JSONSerialization.jsonObject(with: data)
let value = try JSONReader.read(bytes)

// A profiling run (RPC_BENCH_PROFILE, below) measures nothing else, so its samples are that
// stage's alone. RPC_BENCH_ITERATIONS sets its loop count: `valgrind --tool=callgrind` at two
// counts gives instructions per request, a figure this noisy machine cannot disturb.
let profiling = ProcessInfo.processInfo.environment["RPC_BENCH_PROFILE"] != nil
let profileIterations = ProcessInfo.processInfo.environment["RPC_BENCH_ITERATIONS"].flatMap { Int($0) }
let oursRead = profiling ? 0 : try measure("read   HazardRPC JSONReader") { blackHole(try JSONReader.read(bytes)) }
if !profiling {
    let decode = try measure("read   Foundation JSONDecoder") { blackHole(try decoder.decode(Request.self, from: data)) }
    let serRead = try measure("read   JSONSerialization") { blackHole(try JSONSerialization.jsonObject(with: data)) }
    let oursWrite = measure("write  HazardRPC JSONWriter") { blackHole(JSONWriter.bytes(value)) }
    let encode = try measure("write  Foundation JSONEncoder") { blackHole(try encoder.encode(decoded)) }
    let serWrite = try measure("write  JSONSerialization") { blackHole(try JSONSerialization.data(withJSONObject: object)) }

    print(String(format: "ratio read : JSONDecoder/ours %.1fx, JSONSerialization/ours %.1fx", decode / oursRead, serRead / oursRead))
    print(String(format: "ratio write: JSONEncoder/ours %.1fx, JSONSerialization/ours %.1fx", encode / oursWrite, serWrite / oursWrite))
    print(String(format: "requests/s/core ceiling from JSON alone (read+write): Foundation Codable %.0f, ours %.0f",
                 1e6 / (decode + encode), 1e6 / (oursRead + oursWrite)))
}

// MARK: Where a hazard.grade request's time goes (server side, no sockets)

let checklistPath = CommandLine.arguments.dropFirst(2).first ?? "Tests/HazardRPCTests/Fixtures/urban-gas-2023.yaml"
if let checklist = ChecklistLoader(registry: PluginRegistry([])).loadAll([checklistPath]).checklists.first, let params = value["params"] {
    print("\nhazard.grade stages on \(checklist.id) (\(checklist.criteria.count) criteria, \(checklist.questions.count) questions):")
    let answersJSON = params["answers"] ?? .object([])
    let day = Day(iso: "2026-03-18")
    let typed = try checklist.answers(from: answersJSON.answerInput, inspectionDate: day)
    let evaluation = try Engine.evaluate(checklist, typed)
    let responseBytes = evaluation.jsonBytes
    print("response: \(responseBytes.count) bytes")
    let input = answersJSON.answerInput
    let encoded = EncodedEvaluation(checklist)
    func gradeBytes() -> [UInt8] {
        guard let (summary, states) = try? Engine.grade(checklist, input: input, inspectionDate: day),
              let result = encoded.result(summary, findings: states, detail: .full) else { return [] }
        return result.jsonBytes
    }
    var dispatcher = RPCDispatcher(methods: RPCEngineMethods(checklists: [checklist], serverVersion: "bench").methods(info: { [] }), auth: nil,
                                   logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
    // RPC_BENCH_METRICS: count and time each request into a Prometheus registry, as
    // `hazard serve --metrics` does, to measure what recording costs.
    if ProcessInfo.processInfo.environment["RPC_BENCH_METRICS"] != nil {
        let endpoint = RPCMetricsEndpoint(configuration: RPCMetricsConfiguration(port: 0), logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        dispatcher.record(to: RPCServerMetrics(factory: endpoint.factory).requests)
        print("metrics: recorded into a Prometheus registry")
    }
    let frame = ByteBuffer(bytes: bytes)
    var session = dispatcher.makeSession()
    // As a connection serves its requests: one scratch reused throughout.
    var scratch = RPCScratch()
    func dispatch() {
        var out = ByteBuffer()
        _ = dispatcher.respondNow(to: frame, session: &session, into: &out, scratch: &scratch)
        blackHole(out)
    }
    // perf record targets: one stage in a loop.
    switch ProcessInfo.processInfo.environment["RPC_BENCH_PROFILE"] {
    case "write"?:
        for _ in 0..<(profileIterations ?? 200_000) { blackHole(gradeBytes()) }
        exit(0)
    case "evaluate"?:
        for _ in 0..<(profileIterations ?? 300_000) { blackHole(try? Engine.grade(checklist, input: input, inspectionDate: day)) }
        exit(0)
    case "answers"?:
        for _ in 0..<(profileIterations ?? 200_000) { blackHole(answersJSON.answerInput) }
        exit(0)
    case "dispatch"?:
        for _ in 0..<(profileIterations ?? 200_000) { dispatch() }
        exit(0)
    case "tape"?:
        var tape = JSONTape()
        bytes.withUnsafeBufferPointer { document in
            for _ in 0..<(profileIterations ?? 500_000) { try? JSONReader.read(document, into: &tape); blackHole(tape) }
        }
        exit(0)
    default: break
    }
    let a = measure("  JSONValue → AnswerInput") { blackHole(answersJSON.answerInput) }
    let e = measure("  Engine.grade(input:) (bind, decide, states)") { blackHole(try? Engine.grade(checklist, input: input, inspectionDate: day)) }
    let w = measure("  grade + pre-encoded findings → JSON") { blackHole(gradeBytes()) } - e
    _ = measure("  (Engine.evaluate + ordinary writer)") { blackHole((try? Engine.evaluate(checklist, input: input, inspectionDate: day))?.jsonBytes) }
    var tape = JSONTape()
    let t = bytes.withUnsafeBufferPointer { document in
        measure("  read into a tape (no tree)") { try? JSONReader.read(document, into: &tape); blackHole(tape) }
    }
    let d = measure("  whole dispatch (parse→frame)") { dispatch() }
    print(String(format: "  tree path (other methods; requests the direct path declines): request parse %.2f + answers %.2f + grade %.2f + write %.2f µs", oursRead, a, e, w))
    print(String(format: "  direct path (hazard.grade): read into a tape %.2f µs, then bind, grade and write in place: whole dispatch %.2f µs", t, d))
    print(String(format: "  ceiling per core from dispatch alone: %.0f req/s", 1e6 / d))
}
