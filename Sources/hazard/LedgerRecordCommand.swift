import ArgumentParser
import HazardCore
import HazardLedger
import HazardYAML

struct LedgerRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Evaluate an answers file and record the inspection and its hazards.",
        discussion: "With --name and --region the enterprise is registered (or updated) first."
    )

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var who: ActorOptions
    @OptionGroup var checklistOptions: ChecklistOptions
    @Option(help: "Checklist id (default: the file's `checklist:`).") var checklist: String?
    @Option(help: "Enterprise's unified social credit code.") var enterprise: String
    @Option(help: "Enterprise name (registers it).") var name: String?
    @Option(help: "Enterprise's 6-digit region code (with --name).") var region: String?
    @Option(help: "Sector the hazards count under (default: the checklist's).") var sector: String?
    @Option(help: "Site inspected.") var site: String?
    @Option(help: "self, department, supervision or public_report.") var kind = "department"
    @Option(help: "Inspector (repeatable; default: --as).") var inspector: [String] = []
    @Option(help: "Who signs for the inspection (default: first inspector).") var signedBy: String?
    @Option(help: "Inspection date YYYY-MM-DD (default: the file's, else today).") var date: String?
    @Argument(help: "Answers file (.yaml or .json).") var answersFile: String

    func run() async throws {
        let code = try LedgerOptions.uscc(enterprise)
        let actor = who.person
        guard let kind = InspectionKind(rawValue: kind) else {
            throw ValidationError("--kind must be one of \(InspectionKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(kind)'")
        }
        let file: AnswersFile
        do { file = try AnswersFile.load(path: answersFile) } catch { printError(error.description); throw ExitCode(1) }
        guard let id = checklist ?? file.checklist?.rawValue else {
            throw ValidationError("name the checklist with --checklist ID or `checklist:` in \(answersFile)")
        }
        let target = try checklistOptions.checklist(id)
        let day = try date.map { try LedgerOptions.day($0, "--date") } ?? file.inspectionDate ?? LedgerOptions.day(nil, "--date")
        let evaluation: Evaluation
        do {
            evaluation = try Engine.evaluate(target, try target.answers(from: file.answers, inspectionDate: day))
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        let inspectors = inspector.isEmpty ? [actor.name] : inspector
        let input = InspectionInput(enterprise: code, site: site, kind: kind, inspectors: inspectors, date: day,
                                    sector: sector ?? target.sector, signedBy: signedBy ?? inspectors[0])
        try await runLedgerAction {
            let store = try await ledger.open(.creating)
            if let name {
                guard let region else { throw ValidationError("--name needs --region CODE to register the enterprise") }
                // Without --sector an enterprise already registered keeps its sectors (it may
                // have several); a new one gets the checklist's.
                let known = try await store.enterprise(code)
                let sectors = sector.map { [$0] } ?? (known == nil ? [target.sector] : [])
                try await store.register(Enterprise(uscc: code, name: name, region: region, sectors: sectors, sites: site.map { [$0] } ?? []), by: actor)
            }
            let recorded = try await store.record(input, evaluation: evaluation, by: actor)
            let c = evaluation.counts
            print("inspection \(recorded.inspection): \(c.major) major, \(c.general) general hazard(s) recorded as \(recorded.hazards.map { "#\($0)" }.joined(separator: " "))")
        }
    }
}
