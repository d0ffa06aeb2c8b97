import ArgumentParser

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports from the ledger: the monthly dispatch form and the open-hazard list.",
        subcommands: [ReportDispatchCommand.self, ReportHazardsCommand.self]
    )
}
