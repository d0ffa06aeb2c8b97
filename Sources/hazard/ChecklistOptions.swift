import ArgumentParser
import HazardCore
import HazardPlugins
import HazardYAML

/// Where checklists are loaded from; shared by commands that look checklists up by id.
struct ChecklistOptions: ParsableArguments {
    @Option(name: [.customLong("checklists"), .customLong("dir")], help: "Folder (searched recursively) or file of checklists.")
    var checklists: [String] = ["checklists"]

    /// Loads every checklist; prints diagnostics of the broken ones to stderr.
    func load(quiet: Bool = false) -> [Checklist] { loadBatch(quiet: quiet).checklists }

    /// As `load`, with the bytes each checklist came from (for `ChecklistLoader.reloaded`).
    func loadBatch(quiet: Bool = false) -> ChecklistLoader.Batch {
        let batch = ChecklistLoader(registry: BuiltinPlugins.registry).loadAll(checklists)
        if !quiet { for diagnostic in batch.diagnostics { printError(diagnostic.description) } }
        return batch
    }

    func checklist(_ id: String) throws -> Checklist {
        let all = load(quiet: true)
        guard let found = all.first(where: { $0.id.rawValue == id }) else {
            let hint = Suggestion.hint(for: id, in: all.map(\.id.rawValue))
            throw ValidationError("no checklist '\(id)' under \(checklists.joined(separator: ", "))\(hint); `hazard checklists` lists them")
        }
        return found
    }
}
