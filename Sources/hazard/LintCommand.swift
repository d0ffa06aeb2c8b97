import ArgumentParser
import HazardCore
import HazardPlugins
import HazardYAML

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check checklist files for authoring mistakes.",
        discussion: """
            Prints every problem as file:line:column: error: message [code]; exits 1 if there is any. \
            Warnings (file:line:column: warning: …) do not fail the run: they name items of the \
            standard (standard.items) that no criterion encodes, and criteria without advice (整改建议). \
            A file over 8 MiB, nesting lists and mappings over 64 deep, or over 1,000,000 nodes with \
            its aliases expanded is an error (yamlTooLarge, yamlTooDeep, yamlTooManyNodes; \
            checklists/FORMAT.md, "Limits").
            """
    )

    @Argument(help: "Checklist files or folders (default: $HAZARD_CHECKLISTS, ./checklists or the installed ones, as for --checklists).")
    var paths: [String] = []

    func run() throws {
        let batch = ChecklistLoader(registry: BuiltinPlugins.registry).loadAll(try ChecklistOptions.paths(paths))
        for diagnostic in batch.diagnostics { printError(diagnostic.description) }
        let errors = batch.diagnostics.filter { $0.severity == .error }.count
        let warnings = batch.diagnostics.count - errors
        print("\(batch.files.count) file(s), \(batch.checklists.count) checklist(s) valid, \(errors) error(s), \(warnings) warning(s)")
        if errors > 0 { throw ExitCode(1) }
    }
}
