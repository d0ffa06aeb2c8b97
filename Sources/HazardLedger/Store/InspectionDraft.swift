import HazardCore

/// An inspection checked and prepared by `Ledger.record`, for a store to insert: its columns,
/// its hazards, and the payloads of the events that record them (built here once, so both
/// stores hash the same content).
package struct InspectionDraft: Sendable {
    var input: InspectionInput
    var date: Day
    var checklist: Evaluation.ChecklistReference
    var evaluationJSON: String
    var hazards: [HazardDraft]

    /// The signature recorded: the one given, else who inspected and who signed.
    var signature: String { input.signature ?? "检查人：\(input.inspectors.joined(separator: "、"))；签字：\(input.signedBy)" }

    /// The `inspection` row's values after `enterprise_id` and `site_id`, in `insertColumns` order.
    static let insertColumns = "enterprise_id, site_id, kind, inspectors, inspected_on, checklist_id, checklist_version, checklist_sha256, sector, evaluation, signed_by, signature, recorded_at"

    func inspectionValues(enterprise: Int64, site: Int64?, at: Timestamp) -> [SQLValue] {
        [.integer(enterprise), SQLValue(site), .text(input.kind.rawValue), .text(input.inspectors.joined(separator: "\n")),
         SQLValue(date.daysSinceEpoch), .text(checklist.id.rawValue), .text(checklist.version), .text(checklist.sha256),
         .text(input.sector), .text(evaluationJSON), .text(input.signedBy), .text(signature), .integer(at.rawValue)]
    }

    /// The `inspection.recorded` event's payload.
    var inspectionPayload: String {
        var payload = CanonicalJSON()
        payload.add("checklist_id", checklist.id.rawValue)
        payload.add("checklist_sha256", checklist.sha256)
        payload.add("checklist_version", checklist.version)
        payload.add("evaluation_sha256", SHA256.hex(evaluationJSON))
        payload.add("inspected_on", date.description)
        payload.add("inspectors", strings: input.inspectors)
        payload.add("kind", input.kind.rawValue)
        payload.add("sector", input.sector)
        payload.add("signature", signature)
        payload.add("signed_by", input.signedBy)
        payload.add("site", input.site)
        return payload.finish()
    }

    /// The hazard row columns set when it is reported, after `inspection_id, enterprise_id`.
    static let hazardColumns = "inspection_id, enterprise_id, criterion, clause, title, evidence, grade, source, region, sector, checklist_id, checklist_version, found_on, status, is_open, due, last_event, last_event_on"

    /// The values of `hazardColumns` for `h`, reported by event `seq`.
    func hazardValues(_ h: HazardDraft, inspection: Int64, enterprise: Int64, region: String, seq: Int64) -> [SQLValue] {
        [.integer(inspection), .integer(enterprise), .text(h.criterion), .text(h.clause), .text(h.title), .text(h.evidence),
         .text(h.grade.rawValue), .text(input.kind.rawValue), .text(region), .text(input.sector), .text(checklist.id.rawValue),
         .text(checklist.version), SQLValue(date.daysSinceEpoch), .text(HazardStatus.reported.rawValue), .integer(1),
         SQLValue(HazardRow.noDeadline), .integer(seq), SQLValue(date.daysSinceEpoch)]
    }

    /// The `reported` event's payload for `h` found at an enterprise in `region`.
    func reportedPayload(_ h: HazardDraft, region: String) -> String {
        var p = CanonicalJSON()
        p.add("checklist_id", checklist.id.rawValue)
        p.add("checklist_version", checklist.version)
        p.add("clause", h.clause)
        p.add("criterion", h.criterion)
        p.add("evidence", h.evidence)
        p.add("grade", h.grade.rawValue)
        p.add("region", region)
        p.add("sector", input.sector)
        p.add("source", input.kind.rawValue)
        p.add("title", h.title)
        return p.finish()
    }
}

/// The hazard fields taken from a finding, prepared outside the transaction.
struct HazardDraft: Sendable {
    var criterion: String
    var clause: String
    var title: String
    var evidence: String
    var grade: Grade

    init(_ finding: Finding) {
        criterion = finding.criterion.rawValue
        clause = finding.clause
        title = finding.title
        grade = finding.status == .major ? .major : .general
        evidence = finding.evidence.map { e -> String in
            let name = e.label.map { "\($0)(\(e.name))" } ?? e.name
            let value = e.value.map { "\($0)\(e.unit.map { " \($0)" } ?? "")" } ?? "未作答"
            return "\(name) = \(value)"
        }.joined(separator: "; ")
    }
}
