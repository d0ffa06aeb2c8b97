import Foundation
import HazardCore
import HazardYAML

/// The state of one `hazard inspect` session: the answers so far, the questions skipped, the
/// order they were given in (for "back"), and the answers file, rewritten after every change
/// so that a session cut short loses nothing and resumes where it stopped.
struct InspectionSession {
    let checklist: Checklist
    let guide: InspectionGuide
    let path: String
    var writer: AnswersFileWriter
    private(set) var answers: [QuestionID: Value] = [:]
    /// Skipped questions, written `null`: not asked again, also after resuming.
    private(set) var skipped: Set<QuestionID> = []
    /// Questions answered or skipped in this session, latest last.
    private(set) var history: [QuestionID] = []
    /// Questions asked in this session (each prompt shown, skips included).
    var asked = 0

    var inspectionDate: Day? { writer.inspectionDate }

    /// Starts a session, resuming the answers file at `path` when it exists.
    ///
    /// - Throws: `SessionError` when the file names another checklist, or does not read or fit
    ///   (its `file:line:col` diagnostics in the message).
    init(checklist: Checklist, path: String, date: Day?, today: Day, site: String?, inspector: String?) throws {
        self.checklist = checklist
        guide = InspectionGuide(checklist)
        self.path = path
        writer = AnswersFileWriter(checklist: checklist, inspectionDate: date ?? today, site: site, inspector: inspector)
        guard FileManager.default.fileExists(atPath: path) else { return }
        let file: AnswersFile
        do {
            file = try AnswersFile.load(path: path)
        } catch {
            throw SessionError(error.description)
        }
        if let named = file.checklist, named != checklist.id {
            throw SessionError("\(path) holds answers to \(named), not \(checklist.id); name another file with --answers")
        }
        writer.inspectionDate = date ?? file.inspectionDate ?? today
        writer.site = site ?? file.site
        writer.inspector = inspector ?? file.inspector
        writer.notes = file.notes
        do {
            answers = try checklist.answers(from: file.answers, inspectionDate: writer.inspectionDate).values
        } catch {
            throw SessionError(error.description)
        }
        if case .mapping(let pairs) = file.answers.kind {
            for pair in pairs { if case .null = pair.value.kind { skipped.insert(QuestionID(pair.key)) } }
        }
    }

    /// Where the inspection stands.
    ///
    /// - Throws: `AnswerError` when the plugin rejects an answer.
    func step() throws(AnswerError) -> InspectionStep {
        try guide.next(Answers(answers, inspectionDate: inspectionDate), skipped: skipped)
    }

    /// Records an answer, unless the plugin refuses it (the error says why; nothing changes).
    ///
    /// - Throws: `AnswerError` from the plugin, or a file error from saving.
    mutating func answer(_ id: QuestionID, _ value: Value) throws {
        var candidate = answers
        candidate[id] = value
        _ = try guide.next(Answers(candidate, inspectionDate: inspectionDate), skipped: skipped)
        answers = candidate
        skipped.remove(id)
        history.append(id)
        try save()
    }

    mutating func skip(_ id: QuestionID) throws {
        skipped.insert(id)
        history.append(id)
        try save()
    }

    /// Takes back the latest answer or skip of this session; the question to ask again, or nil
    /// when nothing was answered yet in this session.
    mutating func back() throws -> QuestionID? {
        guard let last = history.popLast() else { return nil }
        answers[last] = nil
        skipped.remove(last)
        try save()
        return last
    }

    /// The graded answers, as `hazard evaluate` grades the saved file.
    ///
    /// - Throws: `AnswerError` (the plugin refusing an answer; answers are checked as given).
    func evaluation() throws -> Evaluation {
        try Engine.evaluate(checklist, Answers(answers, inspectionDate: inspectionDate))
    }

    /// Writes the answers file: to a temporary file beside it, then renamed over it, so an
    /// interruption never leaves half a file.
    func save() throws {
        let text = writer.text(answers: answers, skipped: skipped)
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw SessionError("cannot save \(path): \(error.localizedDescription)")
        }
    }
}

/// A session that cannot start or save, with the reason.
struct SessionError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
