import Foundation
import GRDB
import HazardCore
import HazardCoreJSON
import HazardLedger

// Ledger benchmark (release build): write throughput against the raw-SQLite ceiling measured
// in the same run, then report latency over 100k and 1M hazards.
//
//   LedgerBench [inspections=2000] [runs=3] [report-sizes=100000,1000000]
//   LedgerBench postgres URL [inspections] [runs] [report-sizes]   (see PostgresBench)

var arguments = CommandLine.arguments
let postgresURL: String? = arguments.count > 2 && arguments[1] == "postgres" ? arguments[2] : nil
if postgresURL != nil { arguments.removeSubrange(1...2) }
let inspections = arguments.count > 1 ? Int(arguments[1]) ?? 2000 : 2000
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
let reportSizes = arguments.count > 3 ? arguments[3].split(separator: ",").compactMap { Int($0) } : [100_000, 1_000_000]
let hazardsPerInspection = 10
let day = Day(year: 2026, month: 6, day: 10) ?? Day(daysSinceEpoch: 0)
let root = NSTemporaryDirectory() + "ledger-bench-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func stats(_ xs: [Double]) -> (median: Double, min: Double, max: Double) {
    let s = xs.sorted()
    return (s[s.count / 2], s.first ?? 0, s.last ?? 0)
}

func fmt(_ x: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", x) }

let evaluation = try SampleEvaluation.make(date: day, major: 2, general: hazardsPerInspection - 2, compliant: 5)
let uscc = try USCC("91350100M000100Y43")
let clerk = Person(name: "张三", role: "inspector")
let input = InspectionInput(enterprise: uscc, kind: .department, inspectors: ["张三", "赵六"], date: day, sector: "bench", signedBy: "张三")

// Same-size rows for the baseline, taken from what the ledger writes.
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
var evaluationJSON = ""
var sampleLedgerPayloads: (String, String) = ("", "")
var sampleHazards: [(criterion: String, clause: String, title: String, evidence: String, grade: String)] = []
do {
    let probe = try Ledger.inMemory(clock: FixedClock(Timestamp(day: day)))
    try await probe.register(Enterprise(uscc: uscc, name: "某公司", region: "350100", sectors: ["bench"]), by: clerk)
    let recorded = try await probe.record(input, evaluation: evaluation, by: clerk)
    evaluationJSON = try await probe.evaluationJSON(of: recorded.inspection)
    for id in recorded.hazards {
        let detail = try await probe.detail(id)
        let h = detail.hazard
        sampleHazards.append((h.criterion.rawValue, h.clause, h.title, h.evidence, h.grade.rawValue))
        sampleLedgerPayloads = (detail.events[0].payload, detail.events[1].payload)
    }
}

if let postgresURL {
    guard case .postgres(let location) = try LedgerLocation(parsing: postgresURL, password: ProcessInfo.processInfo.environment["PGPASSWORD"]) else {
        throw BenchError("postgres mode needs a postgres:// URL")
    }
    try await PostgresBench(location: location, inspections: inspections, runs: runs, reportSizes: reportSizes,
                            rows: .init(evaluationJSON: evaluationJSON, hazards: sampleHazards, inspectionPayload: sampleLedgerPayloads.0,
                                        hazardPayload: sampleLedgerPayloads.1),
                            enterprise: Enterprise(uscc: uscc, name: "某公司", region: "350100", sectors: ["bench"]),
                            input: input, evaluation: evaluation, clerk: clerk, day: day).run()
    exit(0)
}

if ProcessInfo.processInfo.environment["LEDGER_BENCH_PARTS"] != nil {
    let text = String(repeating: "x", count: 1 << 20)
    let t = await seconds { _ = SHA256.hex(text) }
    print("SHA256: \(fmt(1 / t, 1)) MB/s; evaluation JSON \(evaluationJSON.utf8.count) bytes")
    let e = try await seconds { for _ in 0..<1000 { _ = try encoder.encode(evaluation) } }
    print("JSONEncoder(evaluation): \(fmt(e * 1000, 1)) µs each")
    let ours = await seconds { for _ in 0..<1000 { _ = CanonicalJSON.text(evaluation.jsonValue) } }
    print("stored evaluation (one encoding, sorted keys): \(fmt(ours * 1000, 1)) µs each")
    let h = await seconds { for _ in 0..<1000 { _ = SHA256.hex(evaluationJSON) } }
    print("SHA256 of the evaluation JSON: \(fmt(h * 1000, 1)) µs each")
    let hop = try Ledger.open(path: root + "/hop.sqlite", clock: FixedClock(Timestamp(day: day)))
    let a = try await seconds { for _ in 0..<3000 { try await hop.database.write { db in try db.execute(sql: "INSERT INTO site (enterprise_id, name) SELECT 1, 'x' WHERE 0") } } }
    let b = try await seconds { for _ in 0..<3000 { try hop.database.write { db in try db.execute(sql: "INSERT INTO site (enterprise_id, name) SELECT 1, 'x' WHERE 0") } } }
    print("empty write transaction: async \(fmt(a / 3 * 1000, 1)) µs, sync \(fmt(b / 3 * 1000, 1)) µs")
}
print("== ledger write throughput: \(inspections) inspections × \(hazardsPerInspection) hazards, one transaction per inspection, \(runs) runs ==")
var ledgerTimes: [Double] = []
var concurrentTimes: [Double] = []
var rawTimes: [Double] = []
let callers = 4
for run in 0..<runs {
    // One caller awaiting each write in turn: every write pays the hop onto GRDB's writer queue.
    let ledger = try Ledger.open(path: root + "/ledger-\(run).sqlite", clock: FixedClock(Timestamp(day: day, seconds: 3600)))
    try await ledger.register(Enterprise(uscc: uscc, name: "某公司", region: "350100", sectors: ["bench"]), by: clerk)
    ledgerTimes.append(try await seconds {
        for _ in 0..<inspections { _ = try await ledger.record(input, evaluation: evaluation, by: clerk) }
    })
    let chain = try await ledger.verifyChain()
    precondition(chain.isIntact, "bench ledger chain broken")
    // Several callers (as RPC connections would be): still one transaction per inspection,
    // serialised by the writer, but encoding and hashing overlap the previous write.
    let shared = try Ledger.open(path: root + "/ledger-concurrent-\(run).sqlite", clock: FixedClock(Timestamp(day: day, seconds: 3600)))
    try await shared.register(Enterprise(uscc: uscc, name: "某公司", region: "350100", sectors: ["bench"]), by: clerk)
    concurrentTimes.append(try await seconds {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for caller in 0..<callers {
                group.addTask {
                    for _ in stride(from: caller, to: inspections, by: callers) { _ = try await shared.record(input, evaluation: evaluation, by: clerk) }
                }
            }
            try await group.waitForAll()
        }
    })
    let sharedChain = try await shared.verifyChain()
    precondition(sharedChain.isIntact && sharedChain.events == 1 + inspections * (1 + hazardsPerInspection), "concurrent bench ledger chain broken")
    let raw = RawBaseline(path: root + "/raw-\(run).sqlite", evaluationJSON: evaluationJSON, hazards: sampleHazards,
                          inspectionPayload: sampleLedgerPayloads.0, hazardPayload: sampleLedgerPayloads.1)
    rawTimes.append(ProcessInfo.processInfo.environment["LEDGER_BENCH_SKIP_RAW"] != nil ? 1 : try raw.run(inspections: inspections))
}
let rowsPerInspection = 1 + 1 + 2 * hazardsPerInspection
func line(_ label: String, _ times: [Double]) -> Double {
    let x = stats(times.map { Double(inspections) / $0 })
    print("\(label) inspections/s median \(fmt(x.median)) (min \(fmt(x.min)), max \(fmt(x.max)))  hazards/s \(fmt(x.median * Double(hazardsPerInspection)))  rows/s \(fmt(x.median * Double(rowsPerInspection)))")
    return x.median
}
let l = line("ledger, 1 caller  ", ledgerTimes)
let c = line("ledger, \(callers) callers ", concurrentTimes)
let r = line("raw SQL (ceiling) ", rawTimes)
print("ratio ledger/raw (medians): 1 caller \(fmt(100 * l / r, 1)) %, \(callers) callers \(fmt(100 * c / r, 1)) %   [target ≥ 50 %]")

// Report latency: synthetic hazards (bulk SQL into a ledger file) across regions, sectors,
// sources, grades and lifecycle states, then the two reports through the library API.
print("\n== report latency (median of 5, min, max) ==")
let regions = (0..<40).map { String(320501 + $0 * 100 + $0 % 7) }
let sectors = ["hazardous-chemicals", "construction", "fire-safety", "gas", "mining", "road-transport", "special-equipment", "industry-trade"]
let sources = ["self", "department", "supervision", "public_report"]
let path = root + "/reports.sqlite"
let ledger = try Ledger.open(path: path, clock: FixedClock(Timestamp(day: day)))
try await ledger.register(Enterprise(uscc: uscc, name: "某公司", region: "320581", sectors: ["bench"]), by: clerk)
_ = try await ledger.record(input, evaluation: evaluation, by: clerk)
/// Deterministic LCG, so every run fills the same data.
struct Generator {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }
}
var filled = 0
for size in reportSizes {
    let already = filled
    let fill = try await seconds {
        try await ledger.database.write { db in
            var generator = Generator(state: UInt64(42 + already))
            func next(_ n: Int) -> Int { generator.next(n) }
            let statement = try db.makeStatement(sql: """
                INSERT INTO hazard (inspection_id, enterprise_id, criterion, clause, title, evidence, grade, source, region, sector,
                    checklist_id, checklist_version, found_on, status, is_open, due, plan_responsible, plan_deadline, rectified_on,
                    closed_on, first_supervised_on, supervision_authority, supervised_since, last_event)
                VALUES (1, 1, 'S-1', '第1条', '检查项', '证据', ?, ?, ?, ?, 'sample-2026', '1.0.0', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """)
            for _ in already..<size {
                let major = next(10) == 0
                let found = day.daysSinceEpoch - 365 + next(365)
                let state = next(10)   // 0-2 reported, 3-4 rectifying, 5 rectified, 6-9 closed
                let status = state < 3 ? "reported" : state < 5 ? "rectifying" : state == 5 ? "rectified" : "closed"
                let deadline: Int? = state >= 3 ? found + 30 + next(60) : nil
                let rectified: Int? = state >= 5 ? found + next(60) : nil
                let closed: Int? = state >= 6 ? (rectified ?? found) + next(10) : nil
                let supervised: Int? = major && next(3) == 0 ? found + next(10) : nil
                let values: [(any DatabaseValueConvertible)?] = [
                    major ? "major" : "general", sources[next(4)], regions[next(regions.count)], sectors[next(sectors.count)], found, status,
                    state < 6 ? 1 : 0, deadline ?? Int(Int32.max), deadline.map { _ in "王五" }, deadline, rectified, closed, supervised,
                    supervised.map { _ in "市安委会" }, supervised,
                ]
                try statement.execute(arguments: StatementArguments(values))
            }
        }
    }
    filled = size
    try ledger.database.write { db in try db.execute(sql: "ANALYZE") }
    print("(filled \(size) hazards in \(fmt(fill, 1)) s)")
    try await timeReportQueries(ledger, size: size, day: day)
}
