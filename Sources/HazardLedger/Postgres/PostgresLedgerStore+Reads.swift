import Foundation
import GRDB
import HazardCore
import PostgresNIO

extension PostgresLedgerStore {
    /// A read on one pooled connection (each statement sees what was committed before it).
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do { return try await client.withConnection { c in try await body(c) } } catch {
            throw Self.translate(error, location: location)
        }
    }

    static func fetchEnterprise(_ c: PostgresConnection, id: Int64) async throws -> Enterprise? {
        guard let row = try await fetch(c, SQLQuery(sql: "SELECT uscc, name, region, sectors FROM enterprise WHERE id = ?", arguments: [.integer(id)])).first else {
            return nil
        }
        var sites: [String] = []
        for site in try await fetch(c, SQLQuery(sql: "SELECT name FROM site WHERE enterprise_id = ? ORDER BY id", arguments: [.integer(id)])) {
            if let name = try site.text("name") { sites.append(name) }
        }
        guard let uscc = try row.text("uscc").flatMap(USCC.init(rawValue:)) else {
            throw LedgerError(.corruptRow, "enterprise \(id) has an invalid unified social credit code")
        }
        let sectors = try row.text("sectors") ?? ""
        return try Enterprise(uscc: uscc, name: try row.text("name") ?? "", region: try row.text("region") ?? "",
                              sectors: sectors.isEmpty ? [] : sectors.split(separator: ",").map(String.init), sites: sites)
    }

    func enterprise(_ uscc: USCC) async throws -> Enterprise? {
        try await read { c in
            guard let id = try await Self.enterpriseID(c, uscc) else { return nil }
            return try await Self.fetchEnterprise(c, id: id)
        }
    }

    static func fetchHazard(_ c: PostgresConnection, id: HazardID) async throws -> Hazard {
        guard let row = try await fetch(c, HazardQuery.one(id)).first else { throw LedgerError.unknownHazard(id) }
        return try HazardRecord(row).hazard
    }

    func hazards(_ filter: HazardFilter) async throws -> [Hazard] {
        let query = try HazardQuery.list(filter)
        return try await read { c in try await Self.fetch(c, query).map { try HazardRecord($0).hazard } }
    }

    func hazard(_ id: HazardID) async throws -> Hazard {
        try await read { c in try await Self.fetchHazard(c, id: id) }
    }

    func detail(_ id: HazardID) async throws -> HazardDetail {
        // One snapshot, so the events belong to the hazard as read.
        try await transaction(" ISOLATION LEVEL REPEATABLE READ READ ONLY") { c in
            let hazard = try await Self.fetchHazard(c, id: id)
            let rows = try await Self.fetch(c, SQLQuery(sql: hazardDetailEventsSQL, arguments: [.integer(id.rawValue), .integer(hazard.inspection.rawValue)]))
            return HazardDetail(hazard: hazard, events: try rows.map(Self.event))
        }
    }

    static func event(_ row: PostgresRowReading) throws -> ChainedEvent {
        ChainedEvent(seq: try row.integer("seq") ?? 0, kind: try row.text("kind") ?? "", hazard: try row.integer("hazard_id").map { HazardID($0) },
                     inspection: try row.integer("inspection_id").map { InspectionID($0) }, enterpriseID: try row.integer("enterprise_id"),
                     actor: Person(name: try row.text("actor") ?? "", role: try row.text("role") ?? ""),
                     at: Timestamp(rawValue: try row.integer("at") ?? 0), day: Day(daysSinceEpoch: Int(try row.integer("day") ?? 0)),
                     payload: try row.text("payload") ?? "", hash: try row.text("hash") ?? "")
    }

    func evaluationJSON(of inspection: InspectionID) async throws -> String {
        try await read { c in
            let rows = try await Self.fetch(c, SQLQuery(sql: "SELECT evaluation FROM inspection WHERE id = ?", arguments: [.integer(inspection.rawValue)]))
            guard let json = try rows.first?.text("evaluation") else {
                throw LedgerError(.unknownInspection, "no inspection \(inspection) in the ledger")
            }
            return json
        }
    }

    func inspection(_ id: InspectionID) async throws -> InspectionRecord {
        try await transaction(" ISOLATION LEVEL REPEATABLE READ READ ONLY") { c in
            guard let row = try await Self.fetch(c, SQLQuery(sql: SQLiteLedgerStore.inspectionSQL, arguments: [.integer(id.rawValue)])).first else {
                throw LedgerError(.unknownInspection, "no inspection \(id) in the ledger")
            }
            func corrupt(_ what: String) -> LedgerError { LedgerError(.corruptRow, "inspection \(id) has \(what)") }
            func text(_ column: String) throws -> String {
                guard let value = try row.text(column) else { throw corrupt("no \(column)") }
                return value
            }
            guard let enterpriseID = try row.integer("enterprise_id"),
                  let enterprise = try await Self.fetchEnterprise(c, id: enterpriseID) else { throw corrupt("no enterprise") }
            guard let kind = InspectionKind(rawValue: try text("kind")) else { throw corrupt("an unknown kind") }
            guard let day = try row.integer("inspected_on") else { throw corrupt("no inspection day") }
            let hazards = try await Self.fetch(c, SQLQuery(sql: "SELECT id FROM hazard WHERE inspection_id = ? ORDER BY id", arguments: [.integer(id.rawValue)]))
                .compactMap { try $0.integer("id") }
            guard let eventRow = try await Self.fetch(c, SQLQuery(
                sql: "SELECT * FROM event WHERE kind = 'inspection.recorded' AND inspection_id = ? ORDER BY seq LIMIT 1",
                arguments: [.integer(id.rawValue)])).first else {
                throw corrupt("no inspection.recorded event")
            }
            return InspectionRecord(
                id: id, enterprise: enterprise, site: try row.text("site"), kind: kind,
                inspectors: try text("inspectors").split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                date: Day(daysSinceEpoch: Int(day)), checklist: ChecklistID(try text("checklist_id")),
                checklistVersion: try text("checklist_version"), checklistSHA256: try text("checklist_sha256"), sector: try text("sector"),
                signedBy: try text("signed_by"), signature: try text("signature"), evaluationJSON: try text("evaluation"),
                hazards: hazards.map(HazardID.init(rawValue:)), recordedEvent: try Self.event(eventRow))
        }
    }

    func dispatchReport(_ query: DispatchQuery) async throws -> DispatchReport {
        let sql = try DispatchSQL(query, dialect: .postgres)
        return try await transaction(" ISOLATION LEVEL REPEATABLE READ READ ONLY") { c in
            var tally = DispatchTally(query: query)
            for row in try await Self.fetch(c, sql.hazards) {
                tally.add(grade: try row.text(at: 0) ?? "", source: try row.text(at: 1) ?? "", sector: try row.text(at: 2) ?? "",
                          region: try row.text(at: 3) ?? "", counts: try (4..<15).map { Int(try row.integer(at: $0) ?? 0) })
            }
            for row in try await Self.fetch(c, sql.enforcement) {
                tally.addEnforcement(action: try row.text(at: 0) ?? "", times: Int(try row.integer(at: 1) ?? 0), inPeriod: Int(try row.integer(at: 2) ?? 0),
                                     enterprises: Int(try row.integer(at: 3) ?? 0), enterprisesInPeriod: Int(try row.integer(at: 4) ?? 0),
                                     amount: try row.real(at: 5), persons: try row.integer(at: 6).map { Int($0) })
            }
            return tally.report()
        }
    }

    func head() async throws -> ChainHead? {
        try await read { c in
            guard let row = try await Self.fetch(c, SQLQuery(sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1", arguments: [])).first else { return nil }
            return ChainHead(seq: try row.integer("seq") ?? 0, hash: try row.text("hash") ?? "")
        }
    }

    // MARK: Copying and verifying

    static func values(_ row: PostgresRowReading, _ table: LedgerTable) throws -> [SQLValue] {
        try table.columns.enumerated().map { i, column in
            switch column.kind {
            case .integer: SQLValue(try row.integer(at: i))
            case .real: SQLValue(try row.real(at: i))
            case .text: SQLValue(try row.text(at: i))
            }
        }
    }

    /// Pages of `table` read on `c` (inside the caller's snapshot when it holds one).
    static func pages(_ c: PostgresConnection, _ table: LedgerTable, batch: Int, _ body: ([[SQLValue]]) async throws -> Void) async throws {
        var after = Int64.min
        let sql = "SELECT \(table.columns.map(\.name).joined(separator: ", ")) FROM \(table.rawValue) WHERE \(table.key) > ? ORDER BY \(table.key) LIMIT ?"
        while true {
            let page = try await fetch(c, SQLQuery(sql: sql, arguments: [.integer(after), .integer(Int64(batch))])).map { try values($0, table) }
            guard let last = page.last, case .integer(let key) = last[0] else { return }
            try await body(page)
            after = key
        }
    }

    func rows(of table: LedgerTable, batch: Int, _ body: @Sendable ([[SQLValue]]) async throws -> Void) async throws {
        try await transaction(" ISOLATION LEVEL REPEATABLE READ READ ONLY") { c in try await Self.pages(c, table, batch: batch, body) }
    }

    func insert(_ rows: [[SQLValue]], into table: LedgerTable) async throws {
        guard !rows.isEmpty else { return }
        try await writeTransaction { c in
            try await c.query(PostgresQuery(unsafeSQL: Self.chainLock), logger: Self.logger)
            for row in rows { try await Self.execute(c, SQLQuery(sql: table.insertSQL, arguments: row)) }
            if table != .event {
                // Identities continue after the ids copied in.
                try await c.query(PostgresQuery(unsafeSQL: "SELECT setval(pg_get_serial_sequence('\(table.rawValue)', 'id'), (SELECT MAX(id) FROM \(table.rawValue)))"),
                                  logger: Self.logger)
            }
        }
    }

    /// The audit SQLite runs, over a snapshot: every table read in one REPEATABLE READ
    /// transaction into an in-memory SQLite ledger (ids, hashes and types as stored; PostgreSQL's
    /// typed columns cannot hold the mistyped values the SQLite audit also looks for), then
    /// `ChainAudit` over it, with the append-only triggers checked in PostgreSQL's catalog.
    func verifyChain(anchor: ChainHead?, key: ChainKey?) async throws -> ChainReport {
        let snapshot = try DatabaseQueue()
        try LedgerSchema.migrator.migrate(snapshot)
        let triggers = try await transaction(" ISOLATION LEVEL REPEATABLE READ READ ONLY") { c -> [String: String] in
            for table in LedgerTable.allCases {
                try await Self.pages(c, table, batch: 5000) { page in
                    try await snapshot.write { db in
                        let statement = try db.cachedStatement(sql: table.insertSQL)
                        for row in page { try statement.execute(arguments: StatementArguments(row.map(\.databaseValue))) }
                    }
                }
            }
            var found: [String: String] = [:]
            let rows = try await Self.fetch(c, SQLQuery(sql: """
                SELECT t.tgname, pg_get_triggerdef(t.oid) AS def, t.tgenabled::text AS enabled, p.prosrc
                FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE t.tgrelid = 'event'::regclass AND NOT t.tgisinternal
                """, arguments: []))
            for row in rows {
                let name = try row.text("tgname") ?? "?"
                // The definition without schema qualifiers, plus what makes it bite: enabled, and the body.
                let definition = (try row.text("def") ?? "").replacingOccurrences(of: #"\b[A-Za-z_][A-Za-z0-9_]*\.(?=[a-z_]+\b)"#, with: "", options: .regularExpression)
                let enabled = try row.text("enabled") ?? ""
                let body = (try row.text("prosrc") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                found[name] = definition + (enabled == "O" ? "" : " [disabled: \(enabled)]") + (body == PostgresSchema.refuseChangeBody ? "" : " [function body: \(body)]")
            }
            return found
        }
        return try await snapshot.read { db in
            ChainAudit.report(db, anchor: anchor, key: key) { audit in audit.checkTriggers(found: triggers, expected: PostgresSchema.appendOnlyTriggers) }
        }
    }
}
