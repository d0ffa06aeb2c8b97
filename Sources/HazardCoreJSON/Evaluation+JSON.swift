public import HazardCore
public import HazardJSON

// An Evaluation's one wire encoding: what `hazard.grade` returns, `hazard evaluate --format json`
// prints and the ledger stores (with sorted keys). snake_case keys, dates `YYYY-MM-DD`, nil
// members omitted. Streamed by hand so the hot path avoids Foundation JSON and builds no
// intermediate tree; `EncodedEvaluation` (the RPC fast path) is held to these bytes by
// `RPCEncodingTests` and `RPCDirectGradeTests`.

extension Evaluation: JSONEncodable {
    public func write(to out: inout JSONOutput) {
        write(to: &out) { out in
            for finding in findings { finding.write(to: &out) }
        }
    }

    /// - Parameter writeFindings: writes the members of the `findings` array.
    func write(to out: inout JSONOutput, findings writeFindings: (inout JSONOutput) -> Void) {
        out.beginObject()
        out.key("checklist")
        out.beginObject()
        out.field("id", checklist.id.rawValue)
        out.field("version", checklist.version)
        out.field("sha256", checklist.sha256)
        out.field("standard", checklist.standard)
        out.field("title", checklist.title)
        out.endObject()
        out.field("inspection_date", inspectionDate?.description)
        out.key("findings")
        out.beginArray()
        writeFindings(&out)
        out.endArray()
        out.key("counts")
        counts.write(to: &out)
        out.field("score", score)
        out.field("completeness", completeness)
        out.key("rating")
        out.beginObject()
        out.field("level", rating.level.rawValue)
        out.field("label", rating.label)
        out.field("provisional", rating.provisional)
        out.endObject()
        out.key("sections")
        out.beginArray()
        for section in sections {
            out.beginObject()
            out.field("id", section.id)
            out.field("title", section.title)
            out.key("counts")
            section.counts.write(to: &out)
            out.field("score", section.score)
            out.endObject()
        }
        out.endArray()
        out.key("facts")
        out.beginObject()
        for (name, value) in facts.sorted(by: { $0.key < $1.key }) {
            out.key(computed: name)
            value.write(to: &out)
        }
        out.endObject()
        out.key("warnings")
        out.beginArray()
        for warning in warnings { out.string(warning.description) }
        out.endArray()
        out.endObject()
    }

    /// As a `JSONValue` (for results that embed the evaluation; not the hot path).
    public var jsonValue: JSONValue { (try? JSONReader.read(jsonBytes)) ?? .null }
}

extension Evaluation.Counts: JSONEncodable {
    public func write(to out: inout JSONOutput) {
        out.beginObject()
        out.field("major", major)
        out.field("general", general)
        out.field("compliant", compliant)
        out.field("not_applicable", notApplicable)
        out.field("unanswered", unanswered)
        out.field("manual", manual)
        out.endObject()
    }
}

extension Finding: JSONEncodable {
    public func write(to out: inout JSONOutput) {
        out.beginObject()
        out.field("criterion", criterion.rawValue)
        out.field("clause", clause)
        out.field("title", title)
        out.field("section", section)
        out.field("grade", grade.rawValue)
        out.field("status", status.rawValue)
        out.field("weight", weight)
        out.field("manual", isManual)
        out.key("evidence")
        out.beginArray()
        for item in evidence {
            out.beginObject()
            out.field("kind", item.kind.rawValue)
            out.field("name", item.name)
            out.field("label", item.label)
            if let value = item.value {
                out.key("value")
                value.write(to: &out)
            }
            // Before `unit`, as `EncodedEvaluation` writes it (after the value, inside the item's closing text).
            if let rows = item.matchedRows {
                out.key("matched_rows")
                rows.write(to: &out)
            }
            out.field("unit", item.unit)
            out.endObject()
        }
        out.endArray()
        out.field("advice", advice)
        out.field("note", note)
        out.endObject()
    }
}

extension [MatchedRow] {
    /// `[{"function":…,"index":…,"outcome":…,"record":{…}}, …]`, as their Codable form.
    package func write(to out: inout JSONOutput) {
        out.beginArray()
        for row in self {
            out.beginObject()
            out.field("function", row.function.rawValue)
            out.field("index", row.index)
            out.field("outcome", row.outcome.rawValue)
            out.key("record")
            out.beginObject()
            for field in row.record.sortedFields {
                out.key(computed: field.name)
                field.value.write(to: &out)
            }
            out.endObject()
            out.endObject()
        }
        out.endArray()
    }
}

extension Value: JSONEncodable {
    /// As `Value`'s Codable form: dates as `YYYY-MM-DD`, lists as arrays of objects.
    public func write(to out: inout JSONOutput) {
        switch self {
        case .bool(let b): out.bool(b)
        case .number(let n): out.number(n)
        case .string(let s): out.string(s)
        case .date(let d): out.string(d.description)
        case .list(let records):
            out.beginArray()
            for record in records {
                out.beginObject()
                for field in record.sortedFields {
                    out.key(computed: field.name)
                    field.value.write(to: &out)
                }
                out.endObject()
            }
            out.endArray()
        }
    }

    public var jsonValue: JSONValue { (try? JSONReader.read(jsonBytes)) ?? .null }
}
