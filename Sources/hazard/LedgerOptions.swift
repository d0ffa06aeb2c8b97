import ArgumentParser
import HazardCore
import HazardLedger

/// Where the ledger is; shared by the `ledger` and `report` commands (writers add `ActorOptions`).
struct LedgerOptions: ParsableArguments {
    @Option(name: [.customLong("db"), .customLong("database")], help: "Ledger file (SQLite).")
    var db = "./hazard.sqlite"

    func open() throws -> Ledger {
        do {
            return try Ledger.open(path: db, clock: SystemClock())
        } catch let error as LedgerError {
            printError("\(db): \(error.description)")
            throw ExitCode(1)
        }
    }

    /// `--on`-style dates; default today (UTC).
    static func day(_ text: String?, _ option: String) throws -> Day {
        guard let text else { return SystemClock().now().day }
        return try DateArgument.day(text, option: option)
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
