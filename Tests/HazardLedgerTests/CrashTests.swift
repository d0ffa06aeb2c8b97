import Foundation
import GRDB
import HazardCore
@testable import HazardLedger
import HazardTestSupport
import Testing

@Suite("Reliability: a writer killed with SIGKILL mid-stream")
struct CrashTests {
    /// The helper executable built beside the test bundle.
    static var writerPath: String? { BuiltExecutable.path("LedgerCrashWriter") }

    @Test("after SIGKILL the ledger opens, the chain verifies and every reported commit is there",
          .enabled(if: writerPath != nil, "LedgerCrashWriter is not built beside the tests"))
    func sigkill() async throws {
        let writer = try #require(Self.writerPath)
        try await LedgerFixture.withTemporaryDirectory { dir in
            let path = dir + "/ledger.sqlite"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: writer)
            process.arguments = [path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            var text = ""
            // Let it commit a while, then kill it in the middle of whatever it is doing.
            while text.split(separator: "\n").count < 60, process.isRunning {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            text += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            // Only complete lines were reported committed.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().filter { $0.hasPrefix("committed ") }
            #expect(lines.count >= 60)

            let ledger = try Ledger.open(path: path, clock: FixedClock(Timestamp(rawValue: 0)))
            let chain = try await ledger.verifyChain()
            #expect(chain.isIntact, "\(chain.message)")
            for line in lines {
                let ids = line.split(separator: " ").dropFirst().compactMap { Int64($0) }
                let inspection = try #require(ids.first)
                let stored = try await ledger.database.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM hazard WHERE inspection_id = ?", arguments: [inspection])
                }
                #expect(stored == 3, "inspection \(inspection) reported committed but has \(stored ?? 0) hazards")
                let rectified = try await ledger.hazard(HazardID(try #require(ids.last)))
                #expect(rectified.status == .rectified)
            }
        }
    }
}
