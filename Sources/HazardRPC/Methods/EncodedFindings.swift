public import HazardCore

/// One checklist's findings as JSON text encoded once, at start-up, around the parts an
/// inspection changes: the status and the evidence values. Writing a `hazard.grade` result
/// then copies the criterion's clause, title, advice and labels (most of a ~15 KB response)
/// instead of escaping them again for every request.
///
/// The text is exactly what `Finding.write(to:)` produces; `RPCEncodingTests` holds the two
/// to byte equality. A finding that does not match its template (another checklist, a
/// different evidence list) is written the ordinary way.
public struct EncodedFindings: Sendable {
    struct Template: Sendable {
        var criterion: String
        /// `{"criterion":…,"grade":…,"status":`
        var head: [UInt8]
        /// `,"weight":…,"manual":…,"evidence":[`
        var middle: [UInt8]
        /// Per evidence item: `{"kind":…,"name":…,"label":…` and `,"unit":…}`.
        var evidence: [(open: [UInt8], close: [UInt8])]
        /// `],"advice":…,"note":…}`
        var tail: [UInt8]
    }

    let templates: [Template]
    private let position: [String: Int]
    private static let major = quoted(.major), general = quoted(.general), compliant = quoted(.compliant)
    private static let notApplicable = quoted(.notApplicable), unanswered = quoted(.unanswered)
    private static let valueKey = Array(#","value":"#.utf8)

    public init(_ checklist: Checklist) {
        templates = checklist.findingTemplates.map(Self.template)
        position = Dictionary(templates.enumerated().map { ($1.criterion, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func quoted(_ status: FindingStatus) -> [UInt8] {
        var out = JSONOutput(capacity: 16)
        out.string(status.rawValue)
        return out.bytes
    }

    private static func text(_ status: FindingStatus) -> [UInt8] {
        switch status {
        case .major: major
        case .general: general
        case .compliant: compliant
        case .notApplicable: notApplicable
        case .unanswered: unanswered
        }
    }

    private static func template(_ finding: Finding) -> Template {
        func text(_ build: (inout JSONOutput) -> Void) -> [UInt8] {
            var out = JSONOutput(capacity: 256)
            build(&out)
            return out.bytes
        }
        // Pieces are written as the members of an object already open, so each starts with its comma.
        var head = Array("{".utf8)
        head += text { $0.string("criterion") } + Array(":".utf8) + text { $0.string(finding.criterion.rawValue) }
        for (name, value) in [("clause", finding.clause), ("title", finding.title), ("section", finding.section), ("grade", finding.grade.rawValue)] {
            guard let value else { continue }
            head += Array(",".utf8) + text { $0.string(name) } + Array(":".utf8) + text { $0.string(value) }
        }
        head += Array(#","status":"#.utf8)
        let middle = Array(#","weight":"#.utf8) + text { $0.number(finding.weight) }
            + Array(#","manual":"#.utf8) + text { $0.bool(finding.isManual) } + Array(#","evidence":["#.utf8)
        let evidence = finding.evidence.map { item -> (open: [UInt8], close: [UInt8]) in
            var open = Array(#"{"kind":"#.utf8) + text { $0.string(item.kind.rawValue) } + Array(#","name":"#.utf8) + text { $0.string(item.name) }
            if let label = item.label { open += Array(#","label":"#.utf8) + text { $0.string(label) } }
            var close: [UInt8] = []
            if let unit = item.unit { close += Array(#","unit":"#.utf8) + text { $0.string(unit) } }
            return (open, close + Array("}".utf8))
        }
        var tail = Array("]".utf8)
        if let advice = finding.advice { tail += Array(#","advice":"#.utf8) + text { $0.string(advice) } }
        if let note = finding.note { tail += Array(#","note":"#.utf8) + text { $0.string(note) } }
        tail += Array("}".utf8)
        return Template(criterion: finding.criterion.rawValue, head: head, middle: middle, evidence: evidence, tail: tail)
    }

    /// Writes `finding` from its template; false (nothing written) when it has none.
    /// - Parameter hint: where the finding's template probably is (its index among full findings).
    func write(_ finding: Finding, hint: Int, to out: inout JSONOutput) -> Bool {
        let index: Int
        if hint < templates.count, templates[hint].criterion == finding.criterion.rawValue {
            index = hint
        } else if let found = position[finding.criterion.rawValue] {
            index = found
        } else {
            return false
        }
        let template = templates[index]
        guard template.evidence.count == finding.evidence.count else { return false }
        out.rawStart(template.head)
        out.rawAppend(Self.text(finding.status))
        out.rawAppend(template.middle)
        for k in template.evidence.indices {
            if k > 0 { out.rawAppend([UInt8(ascii: ",")]) }
            out.rawAppend(template.evidence[k].open)
            if let value = finding.evidence[k].value {
                out.rawAppend(Self.valueKey)
                out.expectValue()
                value.write(to: &out)
            }
            out.rawAppend(template.evidence[k].close)
        }
        out.rawEnd(template.tail)
        return true
    }
}
