import ArgumentParser
import Foundation
import HazardCore
import HazardLedger

struct ReportDispatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch",
        abstract: "Counts of the monthly dispatch form (调度表): cumulative up to --to and within --from…--to.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "First day of the period YYYY-MM-DD.") var from: String
    @Option(help: "Last day of the period (cumulative figures run up to it).") var to: String
    @Option(help: "Region code; 320500 means the whole city.") var region: String?
    @Option(help: "Sector.") var sector: String?
    @Option(help: "Output format: text, json or csv.") var format: Format = .text
    @Option(help: "CSV headers and group titles: zh (Chinese, for Excel/WPS) or en (codes).") var lang: OutputLanguage = .zh

    func run() async throws {
        let query = DispatchQuery(from: try LedgerOptions.day(from, "--from"), to: try LedgerOptions.day(to, "--to"), region: region, sector: sector)
        try await runLedgerAction {
            let report = try await ledger.open(.existing).dispatchReport(query)
            try DispatchRenderer.write(report, format: format, language: lang)
        }
    }
}
