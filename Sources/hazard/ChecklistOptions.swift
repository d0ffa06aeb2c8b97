import ArgumentParser
import Foundation
import HazardCore
import HazardPlugins
import HazardYAML

/// Where checklists are loaded from; shared by every command that looks checklists up. The
/// folder is found by `ChecklistLocator` (flag, `HAZARD_CHECKLISTS`, `./checklists`, the
/// installed data folder).
struct ChecklistOptions: ParsableArguments {
    @Option(name: [.customLong("checklists"), .customLong("dir")],
            help: ArgumentHelp("Folder (searched recursively) or file of checklists; repeatable. "
                               + "Default: $HAZARD_CHECKLISTS, else ./checklists, else <prefix>/share/hazard/checklists beside the binary.",
                               valueName: "path"))
    var checklists: [String] = []

    /// The flag, else `HAZARD_CHECKLISTS`, as the explicit choice for the locator.
    var given: (paths: [String], origin: String)? {
        checklists.isEmpty ? Self.environment : (checklists, "--checklists")
    }

    /// `HAZARD_CHECKLISTS`, when set.
    static var environment: (paths: [String], origin: String)? {
        guard let value = ProcessInfo.processInfo.environment["HAZARD_CHECKLISTS"], !value.isEmpty else { return nil }
        return (ChecklistLocator.paths(in: value), "HAZARD_CHECKLISTS")
    }

    /// For commands taking checklist paths as arguments (`lint`, `test`): those given, else
    /// what the locator finds.
    static func paths(_ arguments: [String]) throws -> [String] {
        guard arguments.isEmpty else { return arguments }
        return try locate { try ChecklistLocator.current.locate(given: environment, consulted: [("PATH arguments", "none given"), ("HAZARD_CHECKLISTS", "not set")]) }.paths
    }

    /// The checklist paths to load; prints why and exits 2 when there are none.
    func locate() throws -> ChecklistLocator.Location {
        try Self.locate { try ChecklistLocator.current.locate(given: given) }
    }

    /// Runs a locator call, turning its errors into a message on stderr and exit status 2.
    static func locate(_ body: () throws -> ChecklistLocator.Location) throws -> ChecklistLocator.Location {
        do {
            return try body()
        } catch let error as ChecklistLocator.NotFound {
            printError(error.description)
            throw ExitCode(2)
        } catch let error as ChecklistLocator.Missing {
            printError(error.description)
            throw ExitCode(2)
        }
    }

    /// Loads every checklist; prints diagnostics of the broken ones to stderr.
    func load(quiet: Bool = false) throws -> [Checklist] { try loadBatch(quiet: quiet).checklists }

    /// As `load`, with the bytes each checklist came from (for `ChecklistLoader.reloaded`).
    func loadBatch(quiet: Bool = false) throws -> ChecklistLoader.Batch {
        Self.loadBatch(try locate().paths, quiet: quiet)
    }

    static func loadBatch(_ paths: [String], quiet: Bool = false) -> ChecklistLoader.Batch {
        let batch = ChecklistLoader(registry: BuiltinPlugins.registry).loadAll(paths)
        if !quiet { for diagnostic in batch.diagnostics { printError(diagnostic.description) } }
        return batch
    }

    func checklist(_ id: String) throws -> Checklist {
        let location = try locate()
        let all = Self.loadBatch(location.paths, quiet: true).checklists
        guard let found = all.first(where: { $0.id.rawValue == id }) else {
            let hint = Suggestion.hint(for: id, in: all.map(\.id.rawValue))
            throw ValidationError("no checklist '\(id)' under \(location.paths.joined(separator: ", "))\(hint); `hazard checklists` lists them")
        }
        return found
    }
}
