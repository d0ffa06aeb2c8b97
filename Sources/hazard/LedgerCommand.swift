import ArgumentParser

struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The hazard ledger (隐患台账): record inspections, track hazards to closure, verify the audit chain.",
        discussion: """
            Lifecycle: reported → rectifying (plan; 五落实 for a major hazard) → rectified → closed (verify, by someone \
            other than the rectifier); reject sends a rectified hazard back to rectifying. A general hazard may be \
            rectified on the spot (立查立改). Every change is an append-only, hash-chained event.
            """,
        subcommands: [
            LedgerEnterpriseCommand.self, LedgerRecordCommand.self, LedgerListCommand.self, LedgerShowCommand.self,
            LedgerPlanCommand.self, LedgerTransitionCommand.Rectify.self, LedgerTransitionCommand.Verify.self,
            LedgerTransitionCommand.Reject.self, LedgerSuperviseCommand.self, LedgerTransitionCommand.Unsupervise.self,
            LedgerEnforceCommand.self, LedgerVerifyChainCommand.self, LedgerHeadCommand.self, LedgerDocumentCommand.self, LedgerCopyCommand.self,
        ]
    )
}
