import ArgumentParser
import HazardCore
import HazardLedger

struct LedgerSuperviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "supervise", abstract: "Put a major hazard under supervision (挂牌督办).")

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var who: ActorOptions
    @Argument(help: "Hazard id.") var id: Int64
    @Option(help: "Supervising authority, e.g. 市安委会.") var authority: String
    @Option(help: "Supervision deadline YYYY-MM-DD.") var deadline: String?
    @Option(help: "Date (default today).") var on: String?

    func run() async throws {
        let actor = who.person
        let day = try LedgerOptions.day(on, "--on")
        let due = try deadline.map { try LedgerOptions.day($0, "--deadline") }
        try await runLedgerAction {
            let h = try await ledger.open(.existing).supervise(HazardID(id), authority: authority, deadline: due, by: actor, on: day)
            // Answer with the supervision's own deadline (the one just given); when a plan's
            // deadline governs overdue instead, say so rather than print it as if it were D.
            var line = "#\(h.id) supervised by \(authority) from \(day), supervision deadline \(h.state.supervision?.deadline?.description ?? "—")"
            if let planned = h.state.plan?.deadline { line += "; the plan's deadline \(planned) stays the rectification deadline" }
            print(line)
        }
    }
}
