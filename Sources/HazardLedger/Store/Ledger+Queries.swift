import GRDB
public import HazardCore

/// A hazard with its whole audit trail.
public struct HazardDetail: Hashable, Sendable {
    public var hazard: Hazard
    public var events: [ChainedEvent]
}

extension Ledger {
    /// Hazards matching `filter`: open ones by deadline (none last) then id, else by id. The
    /// filter's scope (regions, sectors) is part of the query, so a page holds `limit` rows
    /// the caller may see whenever there are that many.
    ///
    /// - Throws: `LedgerError` (`.invalidRegion`); driver errors.
    public func hazards(_ filter: HazardFilter) async throws -> [Hazard] {
        try await store.hazards(filter)
    }

    /// Open hazards recorded with another version of `checklist` than `currentVersion`: the
    /// ones to re-grade after the checklist changed.
    ///
    /// - Throws: driver errors.
    public func hazardsToRegrade(checklist: ChecklistID, currentVersion: String, limit: Int = 1000) async throws -> [Hazard] {
        try await hazards(HazardFilter(checklist: checklist, checklistVersionOtherThan: currentVersion, limit: limit))
    }

    /// One hazard.
    ///
    /// - Throws: `LedgerError` `.unknownHazard`; driver errors.
    public func hazard(_ id: HazardID) async throws -> Hazard {
        try await store.hazard(id)
    }

    /// One hazard and its events, oldest first (the inspection's event included).
    ///
    /// - Throws: `LedgerError` `.unknownHazard`; driver errors.
    public func detail(_ id: HazardID) async throws -> HazardDetail {
        try await store.detail(id)
    }

    /// The stored evaluation of an inspection, as JSON text.
    ///
    /// - Throws: `LedgerError` `.unknownInspection`; driver errors.
    public func evaluationJSON(of inspection: InspectionID) async throws -> String {
        try await store.evaluationJSON(of: inspection)
    }
}

/// The events of a hazard's detail: its own and its inspection's `inspection.recorded`.
let hazardDetailEventsSQL = """
    SELECT * FROM event WHERE hazard_id = ?
    UNION ALL SELECT * FROM event WHERE kind = 'inspection.recorded' AND inspection_id = ?
    ORDER BY seq
    """

extension SQLiteLedgerStore {
    func hazards(_ filter: HazardFilter) async throws -> [Hazard] {
        let query = try HazardQuery.list(filter)
        let arguments = query.statementArguments
        return try await database.read { db in
            try Row.fetchAll(db, sql: query.sql, arguments: arguments).map { try HazardRecord(SQLiteRowReading(row: $0)).hazard }
        }
    }

    static func fetchHazard(_ db: Database, id: HazardID) throws -> Hazard {
        let query = HazardQuery.one(id)
        guard let row = try Row.fetchOne(db, sql: query.sql, arguments: query.statementArguments) else {
            throw LedgerError.unknownHazard(id)
        }
        return try HazardRecord(SQLiteRowReading(row: row)).hazard
    }

    func hazard(_ id: HazardID) async throws -> Hazard {
        try await database.read { db in try Self.fetchHazard(db, id: id) }
    }

    func detail(_ id: HazardID) async throws -> HazardDetail {
        try await database.read { db in
            let hazard = try Self.fetchHazard(db, id: id)
            let rows = try Row.fetchAll(db, sql: hazardDetailEventsSQL, arguments: [id.rawValue, hazard.inspection.rawValue])
            return HazardDetail(hazard: hazard, events: try rows.map(Self.event))
        }
    }

    func evaluationJSON(of inspection: InspectionID) async throws -> String {
        try await database.read { db in
            guard let json = try String.fetchOne(db, sql: "SELECT evaluation FROM inspection WHERE id = ?", arguments: [inspection.rawValue]) else {
                throw LedgerError(.unknownInspection, "no inspection \(inspection) in the ledger")
            }
            return json
        }
    }

    static func event(_ row: Row) throws -> ChainedEvent {
        let hazard: Int64? = row["hazard_id"], inspection: Int64? = row["inspection_id"], enterprise: Int64? = row["enterprise_id"]
        let seq: Int64 = row["seq"], at: Int64 = row["at"], day: Int = row["day"]
        let kind: String = row["kind"], actor: String = row["actor"], role: String = row["role"]
        let payload: String = row["payload"], hash: String = row["hash"]
        return ChainedEvent(seq: seq, kind: kind, hazard: hazard.map { HazardID($0) }, inspection: inspection.map { InspectionID($0) },
                            enterpriseID: enterprise, actor: Person(name: actor, role: role),
                            at: Timestamp(rawValue: at), day: Day(daysSinceEpoch: day), payload: payload, hash: hash)
    }
}
