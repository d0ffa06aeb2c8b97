import ArgumentParser
import Foundation
import HazardCore
import HazardDocuments
import HazardCoreJSON
import HazardJSON
import HazardYAML

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Grade answers files (YAML or JSON) against a checklist.",
        discussion: """
            Each answers file holds `answers:` (question id → answer) and optionally `checklist:` and \
            `inspection_date:`. Text output is a report for people; JSON is the Evaluation that the \
            RPC method hazard.grade returns (an array of them, in argument order, for several files). \
            Every file is graded even when another fails; the exit status is 1 if any failed. The \
            answers file has the limits of a checklist file: 8 MiB, lists and mappings nested 64 \
            deep, 1,000,000 nodes with aliases expanded (checklists/FORMAT.md, "Limits").
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    @Option(help: "Checklist id for every file (default: each file's `checklist:`).")
    var checklist: String?

    @Option(help: "Inspection date YYYY-MM-DD for every file (default: each file's `inspection_date:`).")
    var date: String?

    @Option(help: "Output format: text, json, or html (the inspection record to sign, 现场检查记录; see `hazard ledger document`).")
    var format: Format = .text

    @Option(help: ArgumentHelp("Also print the inspection record to this PDF file through headless Chromium (apt-get install chromium).", valueName: "file"))
    var pdf: String?

    @OptionGroup var options: ChecklistOptions

    @Argument(help: "Answers files (.yaml or .json).")
    var answersFiles: [String]

    func validate() throws {
        if let date { _ = try DateArgument.day(date, option: "--date") }
        // A document is one inspection's record: several files would make several documents in one stream.
        if answersFiles.count > 1, format == .html || pdf != nil {
            throw ValidationError("--format html and --pdf print one inspection's record: give one answers file")
        }
    }

    func run() throws {
        let day = try date.map { try DateArgument.day($0, option: "--date") }
        // Usage mistakes first (an unknown --checklist, a file naming no checklist), before any output.
        var checklists: [String: Checklist] = [:]
        if let checklist { checklists[checklist] = try options.checklist(checklist) }
        var files: [(path: String, file: AnswersFile)] = []
        var failed = false
        for path in answersFiles {
            do {
                files.append((path, try AnswersFile.load(path: path)))
            } catch {
                printError(error.description)
                failed = true
            }
        }
        for (path, file) in files where checklist == nil && file.checklist == nil {
            throw ValidationError("\(path) names no checklist: add `checklist: ID` to it or pass --checklist ID")
        }

        var graded: [(path: String, evaluation: Evaluation, checklist: Checklist)] = []
        for (path, file) in files {
            guard let id = checklist ?? file.checklist?.rawValue else { continue }
            let target: Checklist
            if let known = checklists[id] {
                target = known
            } else {
                do {
                    target = try options.checklist(id)
                } catch let error as ValidationError {
                    // The file's `checklist:` names none we have: the file's problem, not the command line's.
                    printError("\(path): error: \(error.message)")
                    failed = true
                    continue
                }
                checklists[id] = target
            }
            do {
                let answers = try target.answers(from: file.answers, inspectionDate: day ?? file.inspectionDate)
                graded.append((path, try Engine.evaluate(target, answers), target))
            } catch {
                printError("\(path): error: \(error.description)")
                failed = true
            }
        }

        switch format {
        case .json:
            let values = graded.map(\.evaluation.jsonValue)
            if answersFiles.count == 1 { values.first.map(printJSON) } else { printJSON(.array(values)) }
        case .text:
            for (index, result) in graded.enumerated() {
                if answersFiles.count > 1 { print((index > 0 ? "\n" : "") + "════ \(result.path) ════") }
                print(TextReport(evaluation: result.evaluation, checklist: result.checklist).render())
            }
        case .html:
            if let result = graded.first { print(InspectionRecordDocument(evaluation: result.evaluation).html(), terminator: "") }
        }
        if let pdf, let result = graded.first {
            try DocumentPrinting.writePDF(InspectionRecordDocument(evaluation: result.evaluation).html(), to: pdf)
        }
        if failed { throw ExitCode(1) }
    }
}
