import ArgumentParser
import HazardCore
import HazardLedger

/// `hazard ledger copy`: moves a ledger between stores (SQLite ↔ PostgreSQL) with its chain.
struct LedgerCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole ledger into a new, empty one (SQLite ↔ PostgreSQL), ids, events and hashes unchanged.",
        discussion: """
            Both sides are a path, sqlite:PATH or postgres://user@host:port/db (password from PGPASSWORD). The copy \
            verifies on both sides afterwards; a head kept from the source (hazard ledger head) anchors the copy too. \
            Stop the servers writing to the source first: rows written during the copy may be missed.
            """
    )

    @Option(help: "The ledger to copy.") var from: String
    @Option(help: "The new ledger; must have no events.") var to: String

    func run() async throws {
        try await runLedgerAction {
            let source = try await Ledger.open(LedgerOptions.location(from), clock: SystemClock())
            let target = try await Ledger.open(LedgerOptions.location(to), clock: SystemClock())
            let counts = try await source.copy(to: target)
            let report = try await target.verifyChain()
            await source.close()
            await target.close()
            let summary = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            print("copied \(source.location) → \(target.location): \(summary)")
            guard report.problems.isEmpty else {
                printError("error: the copy does not verify: \(report.problems.count) problem(s); first: \(report.problems[0])")
                throw ExitCode(1)
            }
            print("verify-chain on the copy: \(report.events) events, no problems")
        }
    }
}
