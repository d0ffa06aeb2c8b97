import ArgumentParser
import HazardCore
import HazardLedger

struct LedgerPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Record a rectification plan; a major hazard needs all five of 五落实.")

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var who: ActorOptions
    @Argument(help: "Hazard id.") var id: Int64
    @Option(help: "Responsible person (责任人).") var responsible: String?
    @Option(help: "Measures (整改措施).") var measures: String?
    @Option(help: "Funds (整改资金), e.g. 5万元.") var funds: String?
    @Option(help: "Deadline YYYY-MM-DD (整改时限).") var deadline: String?
    @Option(help: "Contingency plan (应急预案).") var contingency: String?
    @Option(help: "Date of the plan (default today).") var on: String?

    func run() async throws {
        let actor = who.person
        let plan = RectificationPlan(responsible: responsible, measures: measures, funds: funds,
                                     deadline: try deadline.map { try LedgerOptions.day($0, "--deadline") }, contingency: contingency)
        let day = try LedgerOptions.day(on, "--on")
        try await runLedgerAction {
            let h = try await ledger.open(.existing).plan(plan, for: HazardID(id), by: actor, on: day)
            print("#\(h.id) \(h.status.rawValue), deadline \(h.deadline?.description ?? "—")")
        }
    }
}
