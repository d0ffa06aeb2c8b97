import ArgumentParser
import Foundation
import HazardCore
import HazardLedger

/// Where the ledger is and who acts on it; shared by the `ledger` and `report` commands.
struct LedgerOptions: ParsableArguments {
    @Option(name: [.customLong("db"), .customLong("database")],
            help: "Ledger: a SQLite file (PATH or sqlite:PATH) or postgres://user@host:port/db (password from PGPASSWORD).")
    var db = "./hazard.sqlite"

    @Option(name: .customLong("as"), help: "Who performs the action (recorded in the event).")
    var actor: String?

    @Option(help: "The actor's role, e.g. inspector, safety-officer, bureau.")
    var role = "operator"

    func open() async throws -> Ledger {
        do {
            return try await Ledger.open(Self.location(db), clock: SystemClock())
        } catch let error as LedgerError {
            // A postgres:// URL may carry a password the parser refused: never echo it.
            printError(db.hasPrefix("postgres") ? error.description : "\(db): \(error.description)")
            throw ExitCode(1)
        }
    }

    /// `--database` as a ledger location; a PostgreSQL password comes from `PGPASSWORD`, never
    /// from the command line.
    static func location(_ text: String) throws(LedgerError) -> LedgerLocation {
        try LedgerLocation(parsing: text, password: ProcessInfo.processInfo.environment["PGPASSWORD"])
    }

    func person() throws -> Person {
        guard let actor, !actor.allSatisfy(\.isWhitespace) else {
            throw ValidationError("name who does this with --as NAME (every ledger event records its actor)")
        }
        return Person(name: actor, role: role)
    }

    /// `--on`-style dates; default today (UTC).
    static func day(_ text: String?, _ option: String) throws -> Day {
        guard let text else { return SystemClock().now().day }
        guard let day = Day(iso: text) else { throw ValidationError("\(option) must be YYYY-MM-DD, not '\(text)'") }
        return day
    }

    static func uscc(_ text: String) throws -> USCC {
        do { return try USCC(text) } catch { throw ValidationError(error.message) }
    }
}

/// Runs a ledger action, printing ledger and lifecycle errors as `error: …` with exit 1.
func runLedgerAction(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as LedgerError {
        printError(error.description)
        throw ExitCode(1)
    } catch let error as IllegalTransition {
        printError("error: \(error.description)")
        throw ExitCode(1)
    }
}
