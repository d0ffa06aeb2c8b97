import ArgumentParser
import HazardCore
import HazardLedger

struct LedgerEnforceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enforce", abstract: "Record a spot-check finding or enforcement action (dispatch form groups 2–3).")

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var who: ActorOptions
    @Argument(help: "Enterprise's unified social credit code.") var enterprise: String
    @Option(help: "Action: \(EnforcementAction.allCases.map(\.rawValue).joined(separator: ", ")).") var action: String
    @Option(help: "Penalty amount in 万元.") var amount: Double?
    @Option(help: "Persons (judicial referral, accountability).") var persons: Int?
    @Option(help: "Date (default today).") var on: String?
    @Option(help: "Note.") var note: String?

    func run() async throws {
        let actor = who.person
        guard let kind = EnforcementAction(rawValue: action) else {
            throw ValidationError("--action must be one of \(EnforcementAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let record = EnforcementRecord(enterprise: try LedgerOptions.uscc(enterprise), action: kind, day: try LedgerOptions.day(on, "--on"),
                                       amount: amount, persons: persons, note: note)
        try await runLedgerAction {
            let seq = try await ledger.open(.existing).recordEnforcement(record, by: actor)
            print("event \(seq): \(kind.formItem) \(kind.label)")
        }
    }
}
