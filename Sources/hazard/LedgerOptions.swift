import ArgumentParser
import Foundation
import HazardCore
import HazardLedger

/// Where the ledger is; shared by the `ledger` and `report` commands (writers add `ActorOptions`).
struct LedgerOptions: ParsableArguments {
    @Option(name: [.customLong("db"), .customLong("database")],
            help: "Ledger: a SQLite file (PATH or sqlite:PATH) or postgres://user@host:port/db (password from PGPASSWORD).")
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
    /// A read never creates a SQLite file: a mistyped `--db` would otherwise make an empty
    /// ledger there and report "0 hazards" as if that were the truth. (A PostgreSQL database is
    /// created by its administrator; a missing one is the driver's error.)
    func open(_ access: Access) async throws -> Ledger {
        let location: LedgerLocation
        do { location = try Self.location(db) } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        if access == .existing, case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            printError("error: no ledger at \(path); give the ledger file with --db PATH (`hazard ledger record` and `hazard serve` create one)")
            throw ExitCode(1)
        }
        do {
            return try await Ledger.open(location, clock: SystemClock())
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
