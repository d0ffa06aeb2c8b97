import ArgumentParser

@main
struct Hazard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hazard",
        abstract: "Grade work-safety inspections against China's major-accident-hazard standards (重大事故隐患判定标准).",
        discussion: """
            Checklists (YAML, one per standard) live under checklists/<sector>/; see checklists/FORMAT.md. \
            Authors lint and test them, inspectors evaluate answers against them.
            """,
        version: "0.1.0",
        groupedSubcommands: [
            CommandGroup(name: "Authoring", subcommands: [LintCommand.self, TestCommand.self, ChecklistsCommand.self]),
            CommandGroup(name: "Inspection", subcommands: [EvaluateCommand.self, InspectCommand.self]),
            CommandGroup(name: "Operations", subcommands: [LedgerCommand.self, ReportCommand.self, ServeCommand.self, CallCommand.self]),
        ]
    )
}
