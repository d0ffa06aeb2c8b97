import Foundation
import HazardCore
import HazardLedger

// Appends inspections (3 hazards each, one lifecycle event on the first) to the ledger at
// argv[1] until killed, printing `committed <inspection> <hazard ids…>` after each
// transaction returns. The crash test SIGKILLs it mid-stream and then checks the file.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: LedgerCrashWriter LEDGER.sqlite [count]\n".utf8))
    exit(2)
}
let limit = arguments.count > 2 ? Int(arguments[2]) ?? Int.max : Int.max
let day = Day(year: 2026, month: 6, day: 1) ?? Day(daysSinceEpoch: 0)
do {
    let ledger = try Ledger.open(path: arguments[1], clock: SystemClock())
    let uscc = try USCC.completing("91320581MA1XXXXX0")
    let writer = Person(name: "crash-writer", role: "test")
    try await ledger.register(Enterprise(uscc: uscc, name: "测试企业", region: "320581", sectors: ["sample"]), by: writer)
    let evaluation = try SampleEvaluation.make(date: day, major: 1, general: 2)
    let input = InspectionInput(enterprise: uscc, kind: .selfInspection, inspectors: ["张三"], sector: "sample", signedBy: "张三")
    var n = 0
    while n < limit {
        let recorded = try await ledger.record(input, evaluation: evaluation, by: writer)
        if let first = recorded.hazards.last {
            try await ledger.rectify(first, by: writer, on: day)
        }
        // An unbuffered write: the line is out before the next transaction starts.
        FileHandle.standardOutput.write(Data("committed \(recorded.inspection) \(recorded.hazards.map(\.description).joined(separator: " "))\n".utf8))
        n += 1
    }
} catch {
    FileHandle.standardError.write(Data("LedgerCrashWriter: \(error)\n".utf8))
    exit(1)
}
