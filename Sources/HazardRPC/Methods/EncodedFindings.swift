public import HazardCore

/// One checklist's findings as JSON text encoded once, at start-up, around the parts an
/// inspection changes: the status and the evidence values. Writing a `hazard.grade` result
/// then copies the criterion's clause, title, advice and labels (most of a ~15 KB response)
/// instead of escaping them again for every request.
///
/// The text is exactly what `Finding.write(to:)` produces; `RPCEncodingTests` holds the two
/// to byte equality. A finding that does not match its template (another checklist, a
/// different evidence list) is written the ordinary way. All pieces live in one byte array
/// addressed by offsets, so writing retains nothing per piece.
public struct EncodedFindings: Sendable {
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
    private let criteria: [String]
    private let position: [String: Int]
    /// `"major"`, `"general"`, … in `FindingStatus.allCases` order, then `,"value":`.
    private let statusText: [Piece]
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
        statusText = FindingStatus.allCases.map { status in piece(encoded { $0.string(status.rawValue) }) }
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
        criteria = findings.map(\.criterion.rawValue)
        position = Dictionary(criteria.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Writes the findings as the members of an open JSON array, each from its template when
    /// it has one, else the ordinary way.
    func write(_ findings: [Finding], to out: inout JSONOutput) {
        text.withUnsafeBufferPointer { text in
            func bytes(_ piece: Piece) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: text[piece.start..<(piece.start + piece.count)]) }
            for index in findings.indices {
                let finding = findings[index]
                guard let template = template(of: finding, hint: index) else {
                    finding.write(to: &out)
                    continue
                }
                out.rawStart(bytes(template.head))
                out.rawAppend(bytes(statusText[statusIndex(finding.status)]))
                out.rawAppend(bytes(template.middle))
                for (k, item) in template.evidence.enumerated() {
                    if k > 0 { out.rawAppend(UInt8(ascii: ",")) }
                    out.rawAppend(bytes(evidence[item].open))
                    if let value = finding.evidence[k].value {
                        out.rawAppend(bytes(valueKey))
                        out.expectValue()
                        value.write(to: &out)
                    }
                    out.rawAppend(bytes(evidence[item].close))
                }
                out.rawEnd(bytes(template.tail))
            }
        }
    }

    private func template(of finding: Finding, hint: Int) -> Template? {
        let index: Int
        if hint < criteria.count, criteria[hint] == finding.criterion.rawValue {
            index = hint
        } else if let found = position[finding.criterion.rawValue] {
            index = found
        } else {
            return nil
        }
        let template = templates[index]
        return template.evidence.count == finding.evidence.count ? template : nil
    }

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
