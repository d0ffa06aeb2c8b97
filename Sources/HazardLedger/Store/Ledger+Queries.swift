import GRDB
public import HazardCore

/// A hazard with its whole audit trail.
public struct HazardDetail: Hashable, Sendable, Codable {
    public var hazard: Hazard
    public var events: [ChainedEvent]
}

extension Ledger {
    /// Hazards matching `filter`: open ones by deadline (none last) then id, else by id.
    ///
    /// - Throws: `LedgerError` (`.invalidRegion`); GRDB errors.
    public func hazards(_ filter: HazardFilter) async throws -> [Hazard] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if filter.openOnly { conditions.append("h.is_open = 1") }
        if let statuses = filter.statuses, !statuses.isEmpty {
            conditions.append("h.status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
            arguments += statuses.map(\.rawValue)
        }
        if let grade = filter.grade { conditions.append("h.grade = ?"); arguments.append(grade.rawValue) }
        if let source = filter.source { conditions.append("h.source = ?"); arguments.append(source.rawValue) }
        if let region = filter.region {
            guard region.utf8.count == 6, region.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw LedgerError(.invalidRegion, "region '\(region)' is not a 6-digit administrative region code")
            }
            let (sql, args) = RegionPrefix.condition("h.region", region)
            conditions.append(sql)
            arguments += args
        }
        if let sector = filter.sector { conditions.append("h.sector = ?"); arguments.append(sector) }
        if let uscc = filter.enterprise { conditions.append("e.uscc = ?"); arguments.append(uscc.rawValue) }
        if let day = filter.overdueAsOf {
            conditions.append("h.due < ? AND h.status IN ('reported', 'rectifying')")
            arguments.append(day.daysSinceEpoch)
        }
        if filter.supervisedOnly { conditions.append("h.supervision_authority IS NOT NULL") }
        if let checklist = filter.checklist { conditions.append("h.checklist_id = ?"); arguments.append(checklist.rawValue) }
        if let version = filter.checklistVersionOtherThan { conditions.append("h.checklist_version <> ?"); arguments.append(version) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let order = filter.openOnly ? "h.due, h.id" : "h.id"
        let sql = "SELECT \(HazardRow.columns) FROM hazard h JOIN enterprise e ON e.id = h.enterprise_id \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?"
        arguments.append(max(0, filter.limit))
        arguments.append(max(0, filter.offset))
        let statementArguments = StatementArguments(arguments)
        return try await database.read { db in
            try Row.fetchAll(db, sql: sql, arguments: statementArguments).map(HazardRow.hazard)
        }
    }

    /// Open hazards recorded with another version of `checklist` than `currentVersion`: the
    /// ones to re-grade after the checklist changed.
    ///
    /// - Throws: GRDB errors.
    public func hazardsToRegrade(checklist: ChecklistID, currentVersion: String, limit: Int = 1000) async throws -> [Hazard] {
        try await hazards(HazardFilter(checklist: checklist, checklistVersionOtherThan: currentVersion, limit: limit))
    }

    /// One hazard.
    ///
    /// - Throws: `LedgerError` `.unknownHazard`; GRDB errors.
    public func hazard(_ id: HazardID) async throws -> Hazard {
        try await database.read { db in try HazardRow.fetch(db, id: id) }
    }

    /// One hazard and its events, oldest first (the inspection's event included).
    ///
    /// - Throws: `LedgerError` `.unknownHazard`; GRDB errors.
    public func detail(_ id: HazardID) async throws -> HazardDetail {
        try await database.read { db in
            let hazard = try HazardRow.fetch(db, id: id)
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM event WHERE hazard_id = ?
                UNION ALL SELECT * FROM event WHERE kind = 'inspection.recorded' AND inspection_id = ?
                ORDER BY seq
                """, arguments: [id.rawValue, hazard.inspection.rawValue])
            return HazardDetail(hazard: hazard, events: try rows.map(Self.event))
        }
    }

    /// The stored evaluation of an inspection, as JSON text.
    ///
    /// - Throws: `LedgerError` `.unknownInspection`; GRDB errors.
    public func evaluationJSON(of inspection: InspectionID) async throws -> String {
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
