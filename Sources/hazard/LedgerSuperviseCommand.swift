import ArgumentParser
import HazardCore
import HazardLedger

struct LedgerSuperviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "supervise", abstract: "Put a major hazard under supervision (挂牌督办).")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "Hazard id.") var id: Int64
    @Option(help: "Supervising authority, e.g. 市安委会.") var authority: String
    @Option(help: "Supervision deadline YYYY-MM-DD.") var deadline: String?
    @Option(help: "Date (default today).") var on: String?

    func run() async throws {
        let actor = try ledger.person()
        let day = try LedgerOptions.day(on, "--on")
        let due = try deadline.map { try LedgerOptions.day($0, "--deadline") }
        try await runLedgerAction {
            let h = try await ledger.open(.existing).supervise(HazardID(id), authority: authority, deadline: due, by: actor, on: day)
            print("#\(h.id) supervised by \(authority), deadline \(h.deadline?.description ?? "—")")
        }
    }
}
