package import HazardCore

/// Encodes an `Evaluation` as JSON with sorted keys, without Foundation: recording an
/// inspection stores the full evaluation, and `JSONEncoder` was the largest cost of a write
/// (~140 µs of ~570 µs per inspection in the ledger benchmark). The output decodes with
/// `Evaluation`'s `Decodable` conformance (absent optionals are written as `null`).
package enum EvaluationJSON {
    package static func encode(_ e: Evaluation) -> String {
        var o = CanonicalJSON(capacity: 1024 + e.findings.count * 600)
        var c = CanonicalJSON()
        c.add("id", e.checklist.id.rawValue)
        c.add("sha256", e.checklist.sha256)
        c.add("standard", e.checklist.standard)
        c.add("title", e.checklist.title)
        c.add("version", e.checklist.version)
        o.add("checklist", object: c)
        o.add("completeness", e.completeness)
        o.add("counts", object: counts(e.counts))
        var facts = CanonicalJSON()
        for (name, value) in e.facts.sorted(by: { $0.key < $1.key }) { facts.add(name, raw: self.value(value)) }
        o.add("facts", object: facts)
        o.add("findings", objects: e.findings.map(finding))
        o.add("inspection_date", e.inspectionDate?.description)
        var r = CanonicalJSON()
        r.add("label", e.rating.label)
        r.add("level", e.rating.level.rawValue)
        r.add("provisional", e.rating.provisional)
        o.add("rating", object: r)
        o.add("score", e.score)
        o.add("sections", objects: e.sections.map { s in
            var j = CanonicalJSON()
            j.add("counts", object: counts(s.counts))
            j.add("id", s.id)
            j.add("score", s.score)
            j.add("title", s.title)
            return j
        })
        o.add("warnings", strings: e.warnings.map(\.description))
        return o.finish()
    }

    static func counts(_ c: Evaluation.Counts) -> CanonicalJSON {
        var j = CanonicalJSON()
        j.add("compliant", c.compliant)
        j.add("general", c.general)
        j.add("major", c.major)
        j.add("manual", c.manual)
        j.add("not_applicable", c.notApplicable)
        j.add("unanswered", c.unanswered)
        return j
    }

    static func finding(_ f: Finding) -> CanonicalJSON {
        var j = CanonicalJSON(capacity: 512)
        j.add("advice", f.advice)
        j.add("clause", f.clause)
        j.add("criterion", f.criterion.rawValue)
        j.add("evidence", objects: f.evidence.map { e in
            var x = CanonicalJSON()
            x.add("kind", e.kind.rawValue)
            x.add("label", e.label)
            // Only when present, so evidence without list functions is stored as before.
            if let rows = e.matchedRows {
                x.add("matched_rows", objects: rows.map { row in
                    var m = CanonicalJSON()
                    m.add("function", row.function.rawValue)
                    m.add("index", row.index)
                    m.add("outcome", row.outcome.rawValue)
                    var record = CanonicalJSON()
                    for field in row.record.sortedFields { record.add(field.name, raw: value(field.value)) }
                    m.add("record", object: record)
                    return m
                })
            }
            x.add("name", e.name)
            x.add("unit", e.unit)
            x.add("value", raw: e.value.map(value) ?? Array("null".utf8))
            return x
        })
        j.add("grade", f.grade.rawValue)
        j.add("manual", f.isManual)
        j.add("note", f.note)
        j.add("section", f.section)
        j.add("status", f.status.rawValue)
        j.add("title", f.title)
        j.add("weight", f.weight)
        return j
    }

    static func value(_ v: Value) -> [UInt8] {
        switch v {
        case .bool(let b): return Array((b ? "true" : "false").utf8)
        case .number(let n): return Array((n.isFinite ? Value.format(n) : "null").utf8)
        case .string(let s):
            var out: [UInt8] = []
            CanonicalJSON.quote(s, into: &out)
            return out
        case .date(let d):
            var out: [UInt8] = []
            CanonicalJSON.quote(d.description, into: &out)
            return out
        case .list(let records):
            var out: [UInt8] = [UInt8(ascii: "[")]
            for (i, r) in records.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                var j = CanonicalJSON()
                for field in r.sortedFields { j.add(field.name, raw: value(field.value)) }
                out.append(contentsOf: j.objectBytes)
            }
            out.append(UInt8(ascii: "]"))
            return out
        }
    }
}
