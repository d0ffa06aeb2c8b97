import ArgumentParser
import Foundation
import HazardCore
import HazardDocuments
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

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    @Option(help: "Checklist id (default: the file's `checklist:`).")
    var checklist: String?

    @Option(help: "Inspection date YYYY-MM-DD (default: the file's `inspection_date:`).")
    var date: String?

    @Option(help: "Output format: text, json, or html (the inspection record to sign, 现场检查记录; see `hazard ledger document`).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also print the inspection record to this PDF file through headless Chromium (apt-get install chromium).", valueName: "file"))
    var pdf: String?

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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(evaluation), as: UTF8.self))
        case .text:
            print(TextReport(evaluation: evaluation, checklist: target).render())
        case .html:
            print(InspectionRecordDocument(evaluation: evaluation).html(), terminator: "")
        }
        if let pdf { try DocumentPrinting.writePDF(InspectionRecordDocument(evaluation: evaluation).html(), to: pdf) }
    }
}
