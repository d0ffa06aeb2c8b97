import ArgumentParser
import Foundation
import HazardCore
import HazardLedger

/// Where the ledger is; shared by the `ledger` and `report` commands (writers add `ActorOptions`).
struct LedgerOptions: ParsableArguments {
    @Option(name: [.customLong("db"), .customLong("database")], help: "Ledger file (SQLite).")
    var db = "./hazard.sqlite"

    /// Whether a command may start a new ledger.
    enum Access {
        /// Reads (`list`, `show`, `head`, `verify-chain`, `report …`) or changes hazards
        /// already recorded (`plan`, `rectify`, `supervise` …): the file must exist.
        case existing
        /// Records new facts (`record`, `enterprise`, `enforce`): the file is created when missing.
        case creating
    }

    /// Opens the ledger at `--db`.
    ///
    /// A read never creates the file: a mistyped `--db` would otherwise make an empty ledger
    /// there and report "0 hazards" as if that were the truth.
    func open(_ access: Access) throws -> Ledger {
        if access == .existing, !FileManager.default.fileExists(atPath: db) {
            printError("error: no ledger at \(db); give the ledger file with --db PATH (`hazard ledger record` and `hazard serve` create one)")
            throw ExitCode(1)
        }
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
