import ArgumentParser
import HazardLedger

/// Who performs a ledger write (`--as`, `--role`). Only commands that append events take it,
/// and there `--as` is a required option, so their usage shows it as required
/// (`--as <as>`, not `[--as <as>]`) and leaving it out is a parse error naming it.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "Who performs the action (recorded in the event).")
    var actor: String

    @Option(help: "The actor's role, e.g. inspector, safety-officer, bureau.")
    var role = "operator"

    func validate() throws {
        guard !actor.allSatisfy(\.isWhitespace) else {
            throw ValidationError("--as must name who does this (every ledger event records its actor)")
        }
    }

    var person: Person { Person(name: actor, role: role) }
}
