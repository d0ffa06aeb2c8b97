public import HazardCore

/// One checklist's findings as JSON text encoded once, at start-up, around the parts an
/// inspection changes: the status and the evidence values. Writing a `hazard.grade` result
/// then copies the criterion's clause, title, advice and labels (most of a ~15 KB response)
/// instead of escaping them again for every request.
///
/// The text is exactly what `Finding.write(to:)` produces; `RPCEncodingTests` holds the two
/// to byte equality. All pieces live in one byte array addressed by offsets, so writing
/// retains nothing per piece.
public final class EncodedFindings: Sendable {
    /// A range of `text`.
    struct Piece: Sendable {
        var start: Int
        var count: Int
    }

    struct Template: Sendable {
        /// `{"criterion":…,"grade":…,"status":`
        var head: Piece
        /// `,"weight":…,"manual":…,"evidence":[`
        var middle: Piece
        /// Range of `evidence`: per item `{"kind":…,"name":…,"label":…` and `,"unit":…}`.
        var evidence: Range<Int>
        /// `],"advice":…,"note":…}`
        var tail: Piece
    }

    private let text: [UInt8]
    private let templates: [Template]
    private let evidence: [(open: Piece, close: Piece)]
    private let checklist: ChecklistID
    private let sha256: String
    /// `"major"`, `"general"`, … in `statusIndex` order.
    private let statusText: [Piece]
    /// `,"value":`
    private let valueKey: Piece

    public init(_ checklist: Checklist) {
        var text: [UInt8] = []
        func piece(_ bytes: [UInt8]) -> Piece {
            defer { text += bytes }
            return Piece(start: text.count, count: bytes.count)
        }
        func encoded(_ build: (inout JSONOutput) -> Void) -> [UInt8] {
            var out = JSONOutput(capacity: 256)
            build(&out)
            return out.bytes
        }
        func member(_ name: String, _ value: String?) -> [UInt8] {
            guard let value else { return [] }
            return Array(",".utf8) + encoded { $0.string(name) } + Array(":".utf8) + encoded { $0.string(value) }
        }
        statusText = [FindingStatus.major, .general, .compliant, .notApplicable, .unanswered].map { status in
            piece(encoded { $0.string(status.rawValue) })
        }
        valueKey = piece(Array(#","value":"#.utf8))
        var templates: [Template] = [], evidence: [(open: Piece, close: Piece)] = []
        let findings = checklist.findingTemplates
        for finding in findings {
            // Each member after the first is written with its leading comma, as inside an open object.
            let head = piece(Array("{".utf8) + member("criterion", finding.criterion.rawValue).dropFirst() + member("clause", finding.clause)
                             + member("title", finding.title) + member("section", finding.section) + member("grade", finding.grade.rawValue)
                             + Array(#","status":"#.utf8))
            let middle = piece(Array(#","weight":"#.utf8) + encoded { $0.number(finding.weight) }
                               + Array(#","manual":"#.utf8) + encoded { $0.bool(finding.isManual) } + Array(#","evidence":["#.utf8))
            let first = evidence.count
            for item in finding.evidence {
                let open = piece(Array("{".utf8) + member("kind", item.kind.rawValue).dropFirst() + member("name", item.name) + member("label", item.label))
                let close = piece(member("unit", item.unit) + Array("}".utf8))
                evidence.append((open, close))
            }
            let tail = piece(Array("]".utf8) + member("advice", finding.advice) + member("note", finding.note) + Array("}".utf8))
            templates.append(Template(head: head, middle: middle, evidence: first..<evidence.count, tail: tail))
        }
        self.text = text
        self.templates = templates
        self.evidence = evidence
        self.checklist = checklist.id
        sha256 = checklist.sha256
    }

    /// A `hazard.grade` result: `summary` (an evaluation at detail `.summary`) with the
    /// findings of `states` at `detail`, written from the templates; nil when the evaluation
    /// is not of this checklist.
    public func result(_ summary: Evaluation, findings states: FindingStates, detail: Evaluation.Detail) -> (some JSONEncodable)? {
        guard summary.checklist.id == checklist, summary.checklist.sha256 == sha256, fits(states) else { return nil as EncodedResult? }
        return EncodedResult(summary: summary, states: states, detail: detail, encoded: self)
    }

    private struct EncodedResult: JSONEncodable {
        var summary: Evaluation
        var states: FindingStates
        var detail: Evaluation.Detail
        var encoded: EncodedFindings
        func write(to out: inout JSONOutput) {
            summary.write(to: &out) { out in encoded.write(states, detail: detail, to: &out) }
        }
    }

    /// Writes the findings as the members of an open JSON array.
    func write(_ states: FindingStates, detail: Evaluation.Detail, to out: inout JSONOutput) {
        guard detail != .summary else { return }
        text.withUnsafeBufferPointer { text in
            func bytes(_ piece: Piece) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[piece.start..<(piece.start + piece.count)]) }
            for (index, status) in states.statuses.enumerated() where detail == .full || status.isHazard {
                let template = templates[index]
                out.rawStart(bytes(template.head))
                out.rawAppend(bytes(statusText[statusIndex(status)]))
                out.rawAppend(bytes(template.middle))
                for (k, value) in zip(template.evidence, states.values(of: index)) {
                    if k > template.evidence.lowerBound { out.rawAppend(UInt8(ascii: ",")) }
                    out.rawAppend(bytes(evidence[k].open))
                    if let value {
                        out.rawAppend(bytes(valueKey))
                        out.expectValue()
                        value.write(to: &out)
                    }
                    out.rawAppend(bytes(evidence[k].close))
                }
                out.rawEnd(bytes(template.tail))
            }
        }
    }

    /// Whether `states` has one entry per template and as many evidence values as the
    /// templates (with the checklist's hash checked too, the layouts then agree).
    private func fits(_ states: FindingStates) -> Bool {
        guard let last = templates.indices.last else { return states.statuses.isEmpty }
        return states.statuses.count == templates.count && states.values(of: last).endIndex == evidence.count
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
}
