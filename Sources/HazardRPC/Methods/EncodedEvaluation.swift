package import HazardCore
package import HazardJSON
import HazardCoreJSON

/// One checklist's evaluation JSON encoded once, at start-up, around the parts an inspection
/// changes: counts, scores, the rating, each finding's status and evidence values, facts and
/// warnings. Writing a `hazard.grade` result then copies the checklist header, the section
/// titles and each criterion's clause, title, advice and labels (most of a ~15 KB response)
/// instead of escaping them again for every request.
///
/// The text is exactly what `Evaluation.write(to:)` produces; `RPCEncodingTests` holds the two
/// to byte equality. All pieces live in one byte array addressed by offsets, so writing
/// retains nothing per piece.
package final class EncodedEvaluation: Sendable {
    /// A range of `text`.
    struct Piece: Sendable {
        var start: Int
        var count: Int
    }

    struct Template: Sendable {
        /// Per status (`statusIndex` order): `{"criterion":…,"grade":…,"status":…,"weight":…,"manual":…,"evidence":[`
        var heads: Range<Int>
        /// Range of `evidence`.
        var evidence: Range<Int>
        /// `],"advice":…,"note":…}`
        var tail: Piece
    }

    /// One evidence item: its text around a value written at run time, and whole, for the
    /// values most items take (unanswered, true or false, each option), so writing one is
    /// usually a single copy. Pieces only: copying one out of its array retains nothing.
    struct EvidenceText: Sendable {
        /// `{"kind":…,"name":…,"label":…` and `,"unit":…}`
        var open, close: Piece
        /// The item without a value.
        var unanswered: Piece
        /// With `"value":true` and `false`, for a boolean question (else empty).
        var yes, no: Piece?
        /// With each option of an enum question: `options[optionStart + option]`.
        var optionStart: Int, optionCount: Int
    }

    private let text: [UInt8]
    private let templates: [Template]
    private let evidence: [EvidenceText]
    /// Heads of every template, five per template.
    private let heads: [Piece]
    /// Evidence items with an option, for every item of an enum question.
    private let options: [Piece]
    private let checklist: ChecklistID
    private let sha256: String
    /// `"major"`, `"general"`, … in `statusIndex` order.
    private let statusText: [Piece]
    /// `,"value":`
    private let valueKey: Piece
    /// `,"matched_rows":`
    private let matchedRowsKey: Piece
    /// `{"checklist":{…}`
    private let header: Piece
    /// `,"inspection_date":`, `,"findings":[`, `],"counts":`, `,"score":`, `,"completeness":`,
    /// `,"sections":[`, `],"facts":{`, `},"warnings":[`, `]}`
    private let dateKey, findingsOpen, countsKey, scoreKey, completenessKey, sectionsOpen, factsOpen, warningsOpen, resultClose: Piece
    /// `{"major":`, `,"general":`, `,"compliant":`, `,"not_applicable":`, `,"unanswered":`, `,"manual":`
    private let countKeys: [Piece]
    /// Per rating level (`Rating.Level.allCases` order): `,"rating":{"level":…,"label":…,"provisional":`
    private let ratingText: [Piece]
    /// Per section: `{"id":…,"title":…,"counts":`
    private let sectionHeads: [Piece]
    /// Per question (`Checklist.questions` order), its options as JSON strings.
    private let optionText: [[Piece]]

    package init(_ checklist: Checklist) {
        var text: [UInt8] = []
        func piece(_ bytes: [UInt8]) -> Piece {
            defer { text += bytes }
            return Piece(start: text.count, count: bytes.count)
        }
        func piece(_ literal: String) -> Piece { piece(Array(literal.utf8)) }
        func encoded(_ build: (inout JSONOutput) -> Void) -> [UInt8] {
            var out = JSONOutput(capacity: 256)
            build(&out)
            return out.bytes
        }
        func member(_ name: String, _ value: String?) -> [UInt8] {
            guard let value else { return [] }
            return Array(",".utf8) + encoded { $0.string(name) } + Array(":".utf8) + encoded { $0.string(value) }
        }
        // Each member after the first is written with its leading comma, as inside an open object.
        func object(_ members: [(String, String?)]) -> [UInt8] {
            Array("{".utf8) + members.flatMap { member($0.0, $0.1) }.dropFirst()
        }
        statusText = [FindingStatus.major, .general, .compliant, .notApplicable, .unanswered].map { status in
            piece(encoded { $0.string(status.rawValue) })
        }
        valueKey = piece(#","value":"#)
        matchedRowsKey = piece(#","matched_rows":"#)
        var templates: [Template] = [], evidence: [EvidenceText] = [], heads: [Piece] = [], options: [Piece] = []
        let statuses: [FindingStatus] = [.major, .general, .compliant, .notApplicable, .unanswered]
        for finding in checklist.findingTemplates {
            let head = object([("criterion", finding.criterion.rawValue), ("clause", finding.clause), ("title", finding.title),
                               ("section", finding.section), ("grade", finding.grade.rawValue)]) + Array(#","status":"#.utf8)
            let middle = Array(#","weight":"#.utf8) + encoded { $0.number(finding.weight) }
                + Array(#","manual":"#.utf8) + encoded { $0.bool(finding.isManual) } + Array(#","evidence":["#.utf8)
            let firstHead = heads.count
            for status in statuses { heads.append(piece(head + encoded { $0.string(status.rawValue) } + middle)) }
            let first = evidence.count
            for item in finding.evidence {
                let open = object([("kind", item.kind.rawValue), ("name", item.name), ("label", item.label)])
                let close = member("unit", item.unit) + Array("}".utf8)
                func with(_ value: [UInt8]) -> Piece { piece(open + Array(#","value":"#.utf8) + value + close) }
                let question = item.kind == .answer ? checklist.question(QuestionID(item.name)) : nil
                let boolean = question?.kind == .boolean
                let optionStart = options.count
                for option in question?.kind == .enum ? question?.options ?? [] : [] { options.append(with(encoded { $0.string(option.value) })) }
                evidence.append(EvidenceText(open: piece(open), close: piece(close), unanswered: piece(open + close),
                                             yes: boolean ? with(Array("true".utf8)) : nil, no: boolean ? with(Array("false".utf8)) : nil,
                                             optionStart: optionStart, optionCount: options.count - optionStart))
            }
            let tail = piece(Array("]".utf8) + member("advice", finding.advice) + member("note", finding.note) + Array("}".utf8))
            templates.append(Template(heads: firstHead..<heads.count, evidence: first..<evidence.count, tail: tail))
        }
        header = piece(Array(#"{"checklist":"#.utf8) + object([("id", checklist.id.rawValue), ("version", checklist.version), ("sha256", checklist.sha256),
                                                                ("standard", checklist.standard.code), ("title", checklist.title)]) + Array("}".utf8))
        dateKey = piece(#","inspection_date":"#)
        findingsOpen = piece(#","findings":["#)
        countsKey = piece(#"],"counts":"#)
        scoreKey = piece(#","score":"#)
        completenessKey = piece(#","completeness":"#)
        sectionsOpen = piece(#","sections":["#)
        factsOpen = piece(#"],"facts":{"#)
        warningsOpen = piece(#"},"warnings":["#)
        resultClose = piece("]}")
        countKeys = [#"{"major":"#, #","general":"#, #","compliant":"#, #","not_applicable":"#, #","unanswered":"#, #","manual":"#].map(piece)
        ratingText = Rating.Level.allCases.map { level in
            piece(Array(#","rating":"#.utf8) + object([("level", level.rawValue), ("label", level.chinese)]) + Array(#","provisional":"#.utf8))
        }
        sectionHeads = checklist.sections.map { section in
            piece(object([("id", section.id), ("title", section.title)]) + Array(#","counts":"#.utf8))
        }
        optionText = checklist.questions.map { question in question.options.map { option in piece(encoded { $0.string(option.value) }) } }
        self.text = text
        self.templates = templates
        self.evidence = evidence
        self.heads = heads
        self.options = options
        self.checklist = checklist.id
        sha256 = checklist.sha256
    }

    /// A `hazard.grade` result: `summary` (an evaluation at detail `.summary`) with the
    /// findings of `states` at `detail` (none for `.summary`, when `states` is not read);
    /// nil when the evaluation is not of this checklist.
    package func result(_ summary: Evaluation, findings states: FindingStates, detail: Evaluation.Detail) -> (some JSONEncodable)? {
        guard summary.checklist.id == checklist, summary.checklist.sha256 == sha256, summary.sections.count == sectionHeads.count,
              summary.rating.label == summary.rating.level.chinese, detail == .summary || fits(states) else { return nil as EncodedResult? }
        return EncodedResult(summary: summary, states: states, detail: detail, encoded: self)
    }

    private struct EncodedResult: JSONEncodable {
        var summary: Evaluation
        var states: FindingStates
        var detail: Evaluation.Detail
        var encoded: EncodedEvaluation
        func write(to out: inout JSONOutput) { encoded.write(summary, states, detail: detail, to: &out) }
    }

    /// Writes the result as `Evaluation.write(to:)` would, members in the same order.
    private func write(_ summary: Evaluation, _ states: FindingStates, detail: Evaluation.Detail, to out: inout JSONOutput) {
        text.withUnsafeBufferPointer { text in
            func bytes(_ piece: Piece) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[piece.start..<(piece.start + piece.count)]) }
            out.rawStart(bytes(header))
            if let date = summary.inspectionDate {
                out.rawAppend(bytes(dateKey))
                out.expectValue()
                out.string(date.description)
            }
            out.rawOpen(bytes(findingsOpen))
            if detail != .summary { writeFindings(states, detail: detail, to: &out, text: text) }
            out.rawAppend(bytes(countsKey))
            writeCounts(summary.counts, to: &out, text: text)
            if let score = summary.score {
                out.rawAppend(bytes(scoreKey))
                out.expectValue()
                out.number(score)
            }
            if let completeness = summary.completeness {
                out.rawAppend(bytes(completenessKey))
                out.expectValue()
                out.number(completeness)
            }
            out.rawAppend(bytes(ratingText[ratingIndex(summary.rating.level)]))
            out.rawAppend(summary.rating.provisional ? Self.trueText : Self.falseText)
            out.rawAppend(UInt8(ascii: "}"))
            out.rawAppend(bytes(sectionsOpen))
            for (index, section) in summary.sections.enumerated() {
                if index > 0 { out.rawAppend(UInt8(ascii: ",")) }
                out.rawAppend(bytes(sectionHeads[index]))
                writeCounts(section.counts, to: &out, text: text)
                if let score = section.score {
                    out.rawAppend(bytes(scoreKey))
                    out.expectValue()
                    out.number(score)
                }
                out.rawAppend(UInt8(ascii: "}"))
            }
            out.rawOpen(bytes(factsOpen))
            for (name, value) in summary.facts.sorted(by: { $0.key < $1.key }) {
                out.key(computed: name)
                value.write(to: &out)
            }
            out.rawOpen(bytes(warningsOpen))
            for warning in summary.warnings { out.string(warning.description) }
            out.rawEnd(bytes(resultClose))
        }
    }

    private func writeCounts(_ counts: Evaluation.Counts, to out: inout JSONOutput, text: UnsafeBufferPointer<UInt8>) {
        func count(_ key: Int, _ value: Int) {
            let piece = countKeys[key]
            out.rawAppend(UnsafeBufferPointer(rebasing: text[piece.start..<(piece.start + piece.count)]))
            out.appendInteger(Int64(value))
        }
        count(0, counts.major)
        count(1, counts.general)
        count(2, counts.compliant)
        count(3, counts.notApplicable)
        count(4, counts.unanswered)
        count(5, counts.manual)
        out.rawAppend(UInt8(ascii: "}"))
    }

    /// Writes the findings as the members of an open JSON array.
    private func writeFindings(_ states: FindingStates, detail: Evaluation.Detail, to out: inout JSONOutput, text: UnsafeBufferPointer<UInt8>) {
        func bytes(_ piece: Piece) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[piece.start..<(piece.start + piece.count)]) }
        for index in 0..<states.count {
            let status = states.status(index)
            guard detail == .full || status.isHazard else { continue }
            let template = templates[index]
            out.rawStart(bytes(heads[template.heads.lowerBound + statusIndex(status)]))
            for (k, item) in template.evidence.enumerated() {
                if k > 0 { out.rawAppend(UInt8(ascii: ",")) }
                let piece = evidence[item]
                let value = states.evidence(k, of: index)
                switch value {
                case .unanswered:
                    out.rawAppend(bytes(piece.unanswered))
                    continue
                case .bool(let b):
                    if let whole = b ? piece.yes : piece.no {
                        out.rawAppend(bytes(whole))
                        continue
                    }
                case .option(_, let option) where option < piece.optionCount:
                    out.rawAppend(bytes(options[piece.optionStart + option]))
                    continue
                default:
                    break
                }
                out.rawAppend(bytes(piece.open))
                out.rawAppend(bytes(valueKey))
                write(value, of: states, to: &out, text: text)
                if let rows = states.matchedRows(k, of: index) {
                    out.rawAppend(bytes(matchedRowsKey))
                    out.expectValue()
                    rows.write(to: &out)
                }
                out.rawAppend(bytes(piece.close))
            }
            out.rawEnd(bytes(template.tail))
        }
    }

    /// An evidence value after its `"value":` key, as `Value.write(to:)` writes it.
    private func write(_ value: EvidenceValue, of states: FindingStates, to out: inout JSONOutput, text: UnsafeBufferPointer<UInt8>) {
        func bytes(_ piece: Piece) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[piece.start..<(piece.start + piece.count)]) }
        switch value {
        // Text copied as it stands; the writer's comma state is left alone.
        case .unanswered: out.rawAppend(Self.nullText)  // not reached: unanswered items have no value member
        case .bool(let b): out.rawAppend(b ? Self.trueText : Self.falseText)
        case .option(let question, let option): out.rawAppend(bytes(optionText[question][option]))
        case .status(let status): out.rawAppend(bytes(statusText[statusIndex(status)]))
        // Values the writer writes: it takes them as a member's value after `expectValue`.
        case .number(let n): out.expectValue(); out.number(n)
        case .text(let s): out.expectValue(); out.string(s)
        case .date(let d): out.expectValue(); out.string(d.description)
        case .value(let value): out.expectValue(); value.write(to: &out)
        // A list answer straight from its table, each field as `Value` writes it: what
        // `Value.list` writes, without building the records.
        case .list(let q):
            out.expectValue()
            out.beginArray()
            for row in 0..<states.recordCount(ofList: q) {
                out.beginObject()
                states.forEachField(ofList: q, row: row) { name, value in
                    out.key(computed: name)
                    value.write(to: &out)
                }
                out.endObject()
            }
            out.endArray()
        }
    }

    private static var trueText: UnsafeBufferPointer<UInt8> { literal("true") }
    private static var falseText: UnsafeBufferPointer<UInt8> { literal("false") }
    private static var nullText: UnsafeBufferPointer<UInt8> { literal("null") }
    private static func literal(_ text: StaticString) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) }

    /// Whether `states` are of this checklist (same id and hash: the layouts then agree).
    private func fits(_ states: FindingStates) -> Bool {
        states.checklistID == checklist && states.checklistSHA256 == sha256 && states.count == templates.count
    }

    /// Where `status` is in `statusText` (a switch: no lookup per finding).
    private func statusIndex(_ status: FindingStatus) -> Int {
        switch status {
        case .major: 0
        case .general: 1
        case .compliant: 2
        case .notApplicable: 3
        case .unanswered: 4
        }
    }

    /// Where `level` is in `ratingText` (`Rating.Level.allCases` order).
    private func ratingIndex(_ level: Rating.Level) -> Int {
        switch level {
        case .red: 0
        case .orange: 1
        case .yellow: 2
        case .blue: 3
        case .unrated: 4
        }
    }
}
