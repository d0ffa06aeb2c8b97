import ArgumentParser
import HazardCore
import HazardPlugins
import HazardYAML

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the test cases written in checklists.",
        discussion: "Ends with 'N passed, N failed'; exits 1 on any failure or load error."
    )

    @Argument(help: "Checklist files or folders (default: $HAZARD_CHECKLISTS, ./checklists or the installed ones, as for --checklists).")
    var paths: [String] = []

    @Flag(help: "List criteria that no test expects as a hazard, or none as compliant/not applicable.")
    var coverage = false

    func run() throws {
        let batch = ChecklistLoader(registry: BuiltinPlugins.registry).loadAll(try ChecklistOptions.paths(paths))
        for diagnostic in batch.diagnostics { printError(diagnostic.description) }
        var passed = 0, failed = 0
        for checklist in batch.checklists {
            let report = ChecklistTestRunner.run(checklist)
            passed += report.passed
            failed += report.failed
            for failure in report.failures { printError(failure.description) }
            print("\(checklist.id): \(report.passed) passed, \(report.failed) failed")
            if coverage {
                let uncovered = report.uncovered
                let covered = report.coverage.count - uncovered.count
                print("  coverage: \(covered)/\(report.coverage.count) criteria driven both ways")
                for (criterion, missing) in uncovered { print("    \(criterion): \(missing)") }
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 || !batch.diagnostics.isEmpty { throw ExitCode(1) }
    }
}
