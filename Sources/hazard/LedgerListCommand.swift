import ArgumentParser
import HazardCore
import HazardLedger

struct LedgerListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List hazards (open ones by deadline unless --all).")

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var list: HazardListOptions

    func run() async throws {
        let filter = try list.filter()
        try await runLedgerAction {
            let hazards = try await ledger.open(.existing).hazards(filter)
            try HazardListRenderer.write(hazards, format: list.format, asOf: LedgerOptions.day(nil, ""), layout: list.layout)
        }
    }
}
