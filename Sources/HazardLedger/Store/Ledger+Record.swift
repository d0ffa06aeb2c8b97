import GRDB
public import HazardCore
import HazardCoreJSON

extension Ledger {
    /// Records an inspection and one hazard per major or general finding, with their
    /// `inspection.recorded` and `reported` events, in one transaction.
    ///
    /// - Parameters:
    ///   - input: the enterprise (must be registered), kind, inspectors, signature.
    ///   - evaluation: the engine's result; stored in full.
    ///   - actor: who records it.
    /// - Throws: `LedgerError` (`.unknownEnterprise`, `.invalidInput`, `.implausibleDate` for a
    ///   date outside `HazardState.plausibleInspectionDays`); GRDB errors.
    public func record(_ input: InspectionInput, evaluation: Evaluation, by actor: Person) async throws -> RecordedInspection {
        guard let date = input.date ?? evaluation.inspectionDate else {
            throw LedgerError(.invalidInput, "the inspection has no date: give one or evaluate with an inspection date")
        }
        guard !input.inspectors.isEmpty, !input.inspectors.contains(where: PersonName.isBlank), !PersonName.isBlank(input.signedBy) else {
            throw LedgerError(.invalidInput, "an inspection needs its inspectors and who signs for it (谁检查、谁签名、谁负责)")
        }
        let at = clock.now()
        do { try HazardState.checkInspectionDay(date, recordedOn: at.day) } catch {
            throw LedgerError(.implausibleDate, error.message)
        }
        let evaluationJSON = CanonicalJSON.text(evaluation.jsonValue)
        let hazards = evaluation.findings.filter(\.status.isHazard).map(HazardDraft.init)
        return try await database.write { db in
            try Self.insert(db, input, date: date, evaluation: evaluation.checklist, evaluationJSON: evaluationJSON,
                            hazards: hazards, actor: actor, at: at)
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

    static func insert(_ db: Database, _ input: InspectionInput, date: Day, evaluation checklist: Evaluation.ChecklistReference,
                       evaluationJSON: String, hazards: [HazardDraft], actor: Person, at: Timestamp) throws -> RecordedInspection {
        guard let enterprise = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, region FROM enterprise WHERE uscc = ?"), arguments: [input.enterprise.rawValue]) else {
            throw LedgerError(.unknownEnterprise, "no enterprise \(input.enterprise) in the ledger; register it first")
        }
        let enterpriseID: Int64 = enterprise[0]
        let region: String = enterprise[1]
        var events = try EventWriter(db, at: at)
        let siteRow = try input.site.map { try Self.siteID(db, enterprise: enterpriseID, name: $0) }
        let signature = input.signature ?? "检查人：\(input.inspectors.joined(separator: "、"))；签字：\(input.signedBy)"
        let inspectionValues: [(any DatabaseValueConvertible)?] = [
            enterpriseID, siteRow, input.kind.rawValue, input.inspectors.joined(separator: "\n"), date.daysSinceEpoch,
            checklist.id.rawValue, checklist.version, checklist.sha256, input.sector, evaluationJSON, input.signedBy, signature, at.rawValue,
        ]
        try db.cachedStatement(sql: """
            INSERT INTO inspection (enterprise_id, site_id, kind, inspectors, inspected_on, checklist_id, checklist_version,
                                    checklist_sha256, sector, evaluation, signed_by, signature, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: StatementArguments(inspectionValues))
        let inspectionID = db.lastInsertedRowID
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
        try events.append(db, kind: "inspection.recorded", hazard: nil, inspection: inspectionID, enterprise: enterpriseID,
                          actor: actor, day: date.daysSinceEpoch, payload: payload.finish())

        let insertHazard = try RawInsert(db.cachedStatement(sql: """
            INSERT INTO hazard (inspection_id, enterprise_id, criterion, clause, title, evidence, grade, source, region, sector,
                                checklist_id, checklist_version, found_on, status, is_open, due, last_event, last_event_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'reported', 1, \(HazardRow.noDeadline), ?, ?)
            """))
        var ids: [HazardID] = []
        ids.reserveCapacity(hazards.count)
        for h in hazards {
            let seq = events.lastSeq + 1
            let columns = [h.criterion, h.clause, h.title, h.evidence, h.grade.rawValue, input.kind.rawValue, region,
                           input.sector, checklist.id.rawValue, checklist.version]
            insertHazard.bind(1, inspectionID)
            insertHazard.bind(2, enterpriseID)
            for (i, text) in columns.enumerated() { insertHazard.bind(Int32(3 + i), text) }
            insertHazard.bind(13, date.daysSinceEpoch)
            insertHazard.bind(14, seq)
            insertHazard.bind(15, date.daysSinceEpoch)
            try insertHazard.run(db)
            let hazardID = db.lastInsertedRowID
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
            try events.append(db, kind: "reported", hazard: hazardID, inspection: inspectionID, enterprise: enterpriseID,
                              actor: actor, day: date.daysSinceEpoch, payload: p.finish())
            ids.append(HazardID(hazardID))
        }
        return RecordedInspection(inspection: InspectionID(inspectionID), hazards: ids)
    }
}
