import ArgumentParser
import HazardCore
import HazardLedger

struct LedgerVerifyChainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-chain", abstract: "Recompute the event hash chain; name the first event that does not match.")

    @OptionGroup var ledger: LedgerOptions

    func run() async throws {
        try await runLedgerAction {
            let report = try await ledger.open().verifyChain()
            if report.isIntact {
                print(report.message)
            } else {
                printError("error: \(report.message)")
                throw ExitCode(1)
            }
        }
    }
}
