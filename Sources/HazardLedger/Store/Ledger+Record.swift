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
        let draft = InspectionDraft(input: input, date: date, checklist: evaluation.checklist, evaluationJSON: evaluationJSON, hazards: hazards)
        return try await store.record(draft, by: actor, at: at)
    }
}

extension SQLiteLedgerStore {
    func record(_ draft: InspectionDraft, by actor: Person, at: Timestamp) async throws -> RecordedInspection {
        try await database.write { db in try Self.insert(db, draft, actor: actor, at: at) }
    }

    static func insert(_ db: Database, _ draft: InspectionDraft, actor: Person, at: Timestamp) throws -> RecordedInspection {
        let input = draft.input
        guard let enterprise = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, region FROM enterprise WHERE uscc = ?"), arguments: [input.enterprise.rawValue]) else {
            throw LedgerError(.unknownEnterprise, "no enterprise \(input.enterprise) in the ledger; register it first")
        }
        let enterpriseID: Int64 = enterprise["id"]
        let region: String = enterprise["region"]
        var events = try EventWriter(db, at: at)
        let siteRow = try input.site.map { try Self.siteID(db, enterprise: enterpriseID, name: $0) }
        try db.cachedStatement(sql: "INSERT INTO inspection (\(InspectionDraft.insertColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: StatementArguments(draft.inspectionValues(enterprise: enterpriseID, site: siteRow, at: at).map(\.databaseValue)))
        let inspectionID = db.lastInsertedRowID
        try events.append(db, kind: "inspection.recorded", hazard: nil, inspection: inspectionID, enterprise: enterpriseID,
                          actor: actor, day: draft.date.daysSinceEpoch, payload: draft.inspectionPayload)
        // Bound through the C API (`RawInsert`) in the order of `InspectionDraft.hazardColumns`.
        let insertHazard = try RawInsert(db.cachedStatement(sql: """
            INSERT INTO hazard (\(InspectionDraft.hazardColumns)) VALUES (\(Array(repeating: "?", count: 18).joined(separator: ", ")))
            """))
        var ids: [HazardID] = []
        ids.reserveCapacity(draft.hazards.count)
        for h in draft.hazards {
            let seq = events.lastSeq + 1
            try insertHazard.run(db, draft.hazardValues(h, inspection: inspectionID, enterprise: enterpriseID, region: region, seq: seq))
            let hazardID = db.lastInsertedRowID
            try events.append(db, kind: "reported", hazard: hazardID, inspection: inspectionID, enterprise: enterpriseID,
                              actor: actor, day: draft.date.daysSinceEpoch, payload: draft.reportedPayload(h, region: region))
            ids.append(HazardID(hazardID))
        }
        return RecordedInspection(inspection: InspectionID(inspectionID), hazards: ids)
    }
}
