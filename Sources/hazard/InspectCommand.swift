import ArgumentParser
import Foundation
import HazardCore

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Inspect a site interactively, asked only the questions that can still change a finding.",
        discussion: """
            Asks one open question at a time (InspectionGuide): applicability questions first, then \
            by section; a question stops being asked once every finding it could change is decided, \
            and a section that does not apply drops all its questions. Each answer is typed: y/n, a \
            number within its bounds, an option number, a date YYYY-MM-DD, text, or list records \
            field by field (an empty first field ends the list). Type `skip` to pass on a question \
            (saved as null, not asked again), `back` to take back the latest answer, `quit` to stop.

            The answers file (YAML, read by `hazard evaluate`) is saved after every answer, and an \
            existing one is resumed. The session ends with the report `hazard evaluate` prints. \
            Piped input works as typed input does; the session ends when it runs out.
            """
    )

    @Option(help: "Checklist id (`hazard checklists` lists them).")
    var checklist: String

    @Option(help: "Answers file to resume and to save after every answer (default: inspection-<checklist>.yaml).")
    var answers: String?

    @Option(help: "Inspection date YYYY-MM-DD (default: the file's `inspection_date:`, else today).")
    var date: String?

    @Option(help: "The site inspected, written to the answers file as `site:`.")
    var site: String?

    @Option(help: "Who inspects (谁检查、谁签名、谁负责), written to the answers file as `inspector:`.")
    var inspector: String?

    @OptionGroup var options: ChecklistOptions

    func validate() throws {
        if let date, Day(iso: date) == nil { throw ValidationError("--date must be a calendar date YYYY-MM-DD, not '\(date)'") }
    }

    func run() throws {
        let target = try options.checklist(checklist)
        let path = answers ?? "inspection-\(target.id.rawValue).yaml"
        var session: InspectionSession
        do {
            session = try InspectionSession(checklist: target, path: path, date: date.flatMap(Day.init(iso:)), today: Self.today(),
                                            site: site, inspector: inspector)
            try session.save()
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
        let dialogue = InspectionDialogue(console: InspectConsole())
        do {
            try dialogue.run(&session)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// Today in the local time zone: the default inspection date of a session run on site.
    static func today() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(daysSinceEpoch: 0)
    }
}
