import ArgumentParser
import HazardLedger

struct LedgerHeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Print the chain head (SEQ:HASH[:HMAC]) to keep outside the ledger, for verify-chain --head.",
        discussion: """
            The hash chain shows that each event follows the one before, but whoever can write the ledger file can \
            delete the last events, or edit an event and recompute every later hash. Keep heads elsewhere (another \
            machine, a ticket, a signed e-mail) and verify against the latest: a chain shorter than the head was \
            truncated, another hash at its seq was rewritten.

            With --key-file the head carries an HMAC-SHA256 over "hazard-ledger-head/v1:SEQ:HASH", so a head kept \
            where the same person could edit it cannot be replaced by one for a rewritten chain without the key.

            Verify before you anchor, so a head never vouches for an edited ledger:
              hazard ledger verify-chain --head "$(tail -1 heads.txt)" --key-file k \\
                && hazard ledger head --key-file k >> heads.txt
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var key: ChainKeyOption

    func run() async throws {
        try await runLedgerAction {
            let key = try key.load()
            guard let head = try await ledger.open(.existing).head(signedWith: key) else {
                printError("error: the ledger has no events yet; there is no head to keep")
                throw ExitCode(1)
            }
            print(head.description)
        }
    }
}
