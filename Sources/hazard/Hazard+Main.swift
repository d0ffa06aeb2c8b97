import ArgumentParser
import Foundation

extension Hazard {
    /// As ArgumentParser's own `main`, except for a `ValidationError` thrown by a command's
    /// `run()`: the library (1.8.2) prints those with the root's usage (`hazard <subcommand>`),
    /// because only errors from parsing and `validate()` carry the command that was parsed.
    /// A usage mistake found while running (`--checklist` naming no checklist, a ledger action
    /// without `--as`) is printed here as the library prints a `validate()` error: the message,
    /// then that subcommand's usage and where its help is. Exit status 64 either way.
    static func main() async {
        let parsed: any ParsableCommand
        do {
            parsed = try await parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var command = parsed as? any AsyncParsableCommand {
                try await command.run()
            } else {
                var command = parsed
                try command.run()
            }
        } catch let error as ValidationError {
            printError(usageError(error.message, of: type(of: parsed)))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
    }

    private static func parseAsRoot() async throws -> any ParsableCommand { try await asyncParseAsRoot(nil) }

    /// `Error: message`, `Usage: hazard sub …` and `See 'hazard sub --help' …`, as the library
    /// words a `validate()` error of `command`.
    static func usageError(_ message: String, of command: any ParsableCommand.Type) -> String {
        let names = commandPath(to: command, from: Hazard.self) ?? [Hazard._commandName]
        let usage = usageString(for: command).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { $0.offset == 0 ? String($0.element) : String(repeating: " ", count: 7) + $0.element }
            .joined(separator: "\n")
        return "Error: \(message)\nUsage: \(usage)\n  See '\(names.joined(separator: " ")) --help' for more information."
    }

    /// Command names from `root` down to `target` (`["hazard", "ledger", "record"]`).
    private static func commandPath(to target: any ParsableCommand.Type, from root: any ParsableCommand.Type) -> [String]? {
        if ObjectIdentifier(root) == ObjectIdentifier(target) { return [root._commandName] }
        for sub in root.configuration.subcommands {
            if let rest = commandPath(to: target, from: sub) { return [root._commandName] + rest }
        }
        return nil
    }
}
