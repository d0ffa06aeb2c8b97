import ArgumentParser
import Foundation
import HazardCore
import HazardJSON
import HazardLedger

struct LedgerVerifyChainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-chain",
        abstract: "Verify the event hash chain and every row against it; list every problem found.",
        discussion: """
            Checks: every event's hash (an edited or deleted event is named); the append-only triggers on `event`, \
            present and exactly as created (and no other trigger); every inspection (inspectors, signature, checklist, \
            the stored evaluation by its SHA-256…), hazard (the columns set when reported; status, is_open, due and \
            every lifecycle column against a replay of its events), enterprise, site and enforcement row against the \
            hashed events it comes from. A row with no event behind it and a row whose event remains but which was \
            deleted are reported, not errors; so is a dropped table or column.

            Without --head the chain can only show it is consistent: deleting the last events cleanly, or editing an \
            event and recomputing every later hash, leaves a consistent chain. Give the head kept from `hazard ledger \
            head` to catch both; with --key-file its HMAC is checked as well.

            Each problem is printed to stderr as `error: WHERE: WHAT [kind]`, kinds: \
            \(ChainProblem.Kind.allCases.map(\.rawValue).joined(separator: ", ")). Exit status 1 when there is any \
            problem, 0 when there is none.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: ArgumentHelp("The chain head kept from `hazard ledger head`.", valueName: "seq:hash[:hmac]"))
    var head: String?

    @OptionGroup var key: ChainKeyOption

    @OptionGroup var output: FormatOption

    func validate() throws {
        if let head, ChainHead(parsing: head) == nil {
            throw ValidationError("--head must be SEQ:HASH or SEQ:HASH:HMAC as `hazard ledger head` prints it (hash and HMAC 64 hex digits), not '\(head)'")
        }
        if key.path != nil && head == nil {
            throw ValidationError("--key-file checks the HMAC of a --head; give the head too")
        }
    }

    func run() async throws {
        try await runLedgerAction {
            let key = try key.load()
            let report = try await ledger.open(.existing).verifyChain(anchor: head.flatMap(ChainHead.init(parsing:)), key: key)
            if output.isJSON {
                printJSON(report.jsonValue)
            } else {
                for problem in report.problems { printError("error: \(problem)") }
                for note in report.notes { printError("note: \(note)") }
                if report.isIntact {
                    // Names the event, so a hash printed on a document can be checked by eye as well.
                    let given = head.flatMap(ChainHead.init(parsing:)).map { "; matches the head given: event \($0.seq) has hash \($0.hash) as given" } ?? ""
                    print(report.message + given + (head == nil || key == nil ? "" : " (HMAC checked)"))
                } else {
                    printError("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") in a ledger of \(report.events) events")
                }
            }
            if !report.isIntact { throw ExitCode(1) }
        }
    }
}
