import ArgumentParser
import Foundation
import HazardCore
import HazardCoreJSON
import HazardYAML

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Grade an answers file (YAML or JSON) against a checklist.",
        discussion: """
            The answers file holds `answers:` (question id → answer) and optionally `checklist:` and
            `inspection_date:`. Text output is a report for people; JSON is the Evaluation that the
            RPC method hazard.grade returns. The answers file has the limits of a checklist file: \
            8 MiB, lists and mappings nested 64 deep, 1,000,000 nodes with aliases expanded \
            (checklists/FORMAT.md, "Limits").
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Checklist id (default: the file's `checklist:`).")
    var checklist: String?

    @Option(help: "Inspection date YYYY-MM-DD (default: the file's `inspection_date:`).")
    var date: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var options: ChecklistOptions

    @Argument(help: "Answers file (.yaml or .json).")
    var answersFile: String

    func validate() throws {
        if let date, Day(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let file: AnswersFile
        do {
            file = try AnswersFile.load(path: answersFile)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        guard let id = checklist ?? file.checklist?.rawValue else {
            throw ValidationError("name the checklist with --checklist ID or `checklist:` in \(answersFile)")
        }
        let target = try options.checklist(id)
        let evaluation: Evaluation
        do {
            let answers = try target.answers(from: file.answers, inspectionDate: date.flatMap(Day.init(iso:)) ?? file.inspectionDate)
            evaluation = try Engine.evaluate(target, answers)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        switch format {
        case .json:
            printJSON(evaluation.jsonValue)
        case .text:
            print(TextReport(evaluation: evaluation, checklist: target).render())
        }
    }
}
