import ArgumentParser
import HazardCore
import HazardLedger

/// The lifecycle commands that take a hazard id, a date and a note.
enum LedgerTransitionCommand {
    struct Arguments: ParsableArguments {
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var who: ActorOptions
        @Argument(help: "Hazard id.") var id: Int64
        @Option(help: "Date YYYY-MM-DD (default today).") var on: String?
        @Option(help: "Note or reason.") var note: String?

        func apply(_ change: (String?) -> LifecycleChange) async throws {
            let actor = who.person
            let day = try LedgerOptions.day(on, "--on")
            try await runLedgerAction {
                let h = try await ledger.open(.existing).apply(change(note), to: HazardID(id), by: actor, on: day)
                print("#\(h.id) \(h.status.rawValue)\(h.state.supervision.map { ", supervised by \($0.authority)" } ?? "")")
            }
        }
    }

    struct Rectify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rectify", abstract: "Record the rectification (a general hazard may be rectified on the spot, 立查立改).")
        @OptionGroup var arguments: Arguments
        func run() async throws { try await arguments.apply { .rectified(note: $0) } }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Verification passed: close the hazard (销号). Not by the rectifier.")
        @OptionGroup var arguments: Arguments
        func run() async throws { try await arguments.apply { .verified(note: $0) } }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reject", abstract: "Verification failed: back to rectifying (--note gives the reason).")
        @OptionGroup var arguments: Arguments
        func validate() throws {
            if arguments.note == nil { throw ValidationError("give the reason with --note") }
        }
        func run() async throws { try await arguments.apply { .rejected(reason: $0 ?? "") } }
    }

    struct Unsupervise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unsupervise", abstract: "Lift supervision (摘牌).")
        @OptionGroup var arguments: Arguments
        func run() async throws { try await arguments.apply { .unsupervised(note: $0) } }
    }
}
