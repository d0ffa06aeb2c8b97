import GRDB
import HazardCore

extension Ledger {
    /// One inspection with its enterprise, hazards and recording event, read in one transaction.
    ///
    /// - Throws: `LedgerError` `.unknownInspection`, `.corruptRow`; driver errors.
    public func inspection(_ id: InspectionID) async throws -> InspectionRecord {
        try await store.inspection(id)
    }
}

extension SQLiteLedgerStore {
    /// The query both stores run for `Ledger.inspection`.
    static let inspectionSQL = """
        SELECT i.enterprise_id, s.name AS site, i.kind, i.inspectors, i.inspected_on, i.checklist_id, i.checklist_version,
               i.checklist_sha256, i.sector, i.evaluation, i.signed_by, i.signature
        FROM inspection i LEFT JOIN site s ON s.id = i.site_id WHERE i.id = ?
        """

    func inspection(_ id: InspectionID) async throws -> InspectionRecord {
        try await database.read { db in
            guard let row = try Row.fetchOne(db, sql: Self.inspectionSQL, arguments: [id.rawValue]) else {
                throw LedgerError(.unknownInspection, "no inspection \(id) in the ledger")
            }
            func corrupt(_ what: String) -> LedgerError { LedgerError(.corruptRow, "inspection \(id) has \(what)") }
            let enterpriseID: Int64 = row["enterprise_id"]
            guard let enterprise = try Self.fetchEnterprise(db, id: enterpriseID) else { throw corrupt("no enterprise \(enterpriseID)") }
            guard let kind = InspectionKind(rawValue: row["kind"]) else { throw corrupt("an unknown kind") }
            let inspectors: String = row["inspectors"]
            let hazards = try Int64.fetchAll(db, sql: "SELECT id FROM hazard WHERE inspection_id = ? ORDER BY id", arguments: [id.rawValue])
            guard let eventRow = try Row.fetchOne(db, sql: "SELECT * FROM event WHERE kind = 'inspection.recorded' AND inspection_id = ? ORDER BY seq LIMIT 1",
                                                  arguments: [id.rawValue]) else {
                throw corrupt("no inspection.recorded event")
            }
            return InspectionRecord(
                id: id, enterprise: enterprise, site: row["site"], kind: kind,
                inspectors: inspectors.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                date: Day(daysSinceEpoch: row["inspected_on"]), checklist: ChecklistID(row["checklist_id"] as String),
                checklistVersion: row["checklist_version"], checklistSHA256: row["checklist_sha256"], sector: row["sector"],
                signedBy: row["signed_by"], signature: row["signature"], evaluationJSON: row["evaluation"],
                hazards: hazards.map(HazardID.init(rawValue:)), recordedEvent: try Self.event(eventRow))
        }
    }
}
