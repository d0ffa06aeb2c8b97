import ArgumentParser
import HazardCore
import HazardLedger

struct ReportHazardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hazards", abstract: "The open-hazard list (问题隐患清单) with owner and deadline (责任清单).")

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var list: HazardListOptions
    @Option(help: "Overdue is judged as of this date (default today).") var asOf: String?

    func run() async throws {
        let filter = try list.filter()
        let day = try LedgerOptions.day(asOf, "--as-of")
        try await runLedgerAction {
            let hazards = try await ledger.open(.existing).hazards(filter)
            try HazardListRenderer.write(hazards, format: list.format, asOf: day, layout: list.layout)
        }
    }
}
