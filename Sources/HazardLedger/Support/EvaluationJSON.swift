import HazardCore

/// Encodes an `Evaluation` as JSON with sorted keys, without Foundation: recording an
/// inspection stores the full evaluation, and `JSONEncoder` was the largest cost of a write
/// (~150 µs of ~680 µs per inspection in the ledger benchmark). The output decodes with
/// `Evaluation`'s `Decodable` conformance (absent optionals are written as `null`).
enum EvaluationJSON {
    static func encode(_ e: Evaluation) -> String {
        var o = CanonicalJSON()
        var c = CanonicalJSON()
        c.add("id", e.checklist.id.rawValue)
        c.add("sha256", e.checklist.sha256)
        c.add("standard", e.checklist.standard)
        c.add("title", e.checklist.title)
        c.add("version", e.checklist.version)
        o.add("checklist", raw: c.finish())
        o.add("completeness", e.completeness)
        o.add("counts", raw: counts(e.counts))
        var facts = CanonicalJSON()
        for (name, value) in e.facts.sorted(by: { $0.key < $1.key }) { facts.add(name, raw: self.value(value)) }
        o.add("facts", raw: facts.finish())
        o.add("findings", raw: array(e.findings.map(finding)))
        o.add("inspection_date", e.inspectionDate?.description)
        var r = CanonicalJSON()
        r.add("label", e.rating.label)
        r.add("level", e.rating.level.rawValue)
        r.add("provisional", e.rating.provisional)
        o.add("rating", raw: r.finish())
        o.add("score", e.score)
        o.add("sections", raw: array(e.sections.map { s in
            var j = CanonicalJSON()
            j.add("counts", raw: counts(s.counts))
            j.add("id", s.id)
            j.add("score", s.score)
            j.add("title", s.title)
            return j.finish()
        }))
        o.add("warnings", strings: e.warnings)
        return o.finish()
    }

    static func counts(_ c: Evaluation.Counts) -> String {
        var j = CanonicalJSON()
        j.add("compliant", c.compliant)
        j.add("general", c.general)
        j.add("major", c.major)
        j.add("manual", c.manual)
        j.add("not_applicable", c.notApplicable)
        j.add("unanswered", c.unanswered)
        return j.finish()
    }

    static func finding(_ f: Finding) -> String {
        var j = CanonicalJSON()
        j.add("advice", f.advice)
        j.add("clause", f.clause)
        j.add("criterion", f.criterion.rawValue)
        j.add("evidence", raw: array(f.evidence.map { e in
            var x = CanonicalJSON()
            x.add("kind", e.kind.rawValue)
            x.add("label", e.label)
            x.add("name", e.name)
            x.add("unit", e.unit)
            x.add("value", raw: e.value.map(value) ?? "null")
            return x.finish()
        }))
        j.add("grade", f.grade.rawValue)
        j.add("manual", f.isManual)
        j.add("note", f.note)
        j.add("section", f.section)
        j.add("status", f.status.rawValue)
        j.add("title", f.title)
        j.add("weight", f.weight)
        return j.finish()
    }

    static func value(_ v: Value) -> String {
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.isFinite ? Value.format(n) : "null"
        case .string(let s):
            var out = ""
            CanonicalJSON.quote(s, into: &out)
            return out
        case .date(let d): return "\"\(d)\""
        case .list(let records):
            return array(records.map { r in
                var j = CanonicalJSON()
                for (k, x) in r.fields.sorted(by: { $0.key < $1.key }) { j.add(k, raw: value(x)) }
                return j.finish()
            })
        }
    }

    static func array(_ items: [String]) -> String {
        var out = "["
        for (i, item) in items.enumerated() {
            if i > 0 { out += "," }
            out += item
        }
        return out + "]"
    }
}
