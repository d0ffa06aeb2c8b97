import GRDB
import HazardCore

/// Inspections, enterprises, sites and enforcement rows: every column is in a hashed event's
/// content or columns, so each is compared with it.
extension ChainAudit {
    /// Each inspection row against its `inspection.recorded` event: who inspected and signed,
    /// the checklist, the day, and the stored evaluation by its SHA-256.
    mutating func checkInspections() throws {
        let events = try Row.fetchCursor(db, sql: """
            SELECT \(StoredEvent.columns) FROM event WHERE kind = 'inspection.recorded' AND typeof(inspection_id) = 'integer'
            ORDER BY inspection_id, seq
            """)
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM inspection ORDER BY id")
        try Self.merge(events: events, eventKey: "inspection_id", rows: rows, rowKey: "id") { id, group, row in
            let parsed = group.compactMap { try? StoredEvent($0) }
            for e in parsed {
                guard let enterprise = e.enterprise else { continue }
                if untrusted.contains(e.seq) { sitesUntrusted.insert(enterprise) }
                if case .string(let site)? = e.object.text("site")?.storage { namedSites[enterprise, default: []].insert(site) }
            }
            guard let event = trustedEvent("inspection", id: id, row: row, group: group, parsed: parsed,
                                           kind: "inspection.recorded", verb: "recorded"), let row else { return }
            let payload = event.object
            let source = "its inspection.recorded event \(event.seq)"
            func compare(_ column: String, _ expected: DatabaseValue?) {
                self.compare("inspection", id, column, in: row, expected: expected, source: source)
            }
            compare("enterprise_id", event.enterprise.databaseValue)
            compare("kind", payload.text("kind"))
            compare("inspectors", payload.strings("inspectors", joinedBy: "\n"))
            compare("inspected_on", event.day.databaseValue)
            compare("checklist_id", payload.text("checklist_id"))
            compare("checklist_version", payload.text("checklist_version"))
            compare("checklist_sha256", payload.text("checklist_sha256"))
            compare("sector", payload.text("sector"))
            compare("signed_by", payload.text("signed_by"))
            compare("signature", payload.text("signature"))
            compare("recorded_at", event.at.databaseValue)
            if let recorded = payload.text("evaluation_sha256") {
                let stored = value(row, "evaluation", of: "inspection") ?? .null
                let digest = String.fromDatabaseValue(stored).map(SHA256.hex)
                if digest?.databaseValue != recorded {
                    problem(.rowAltered, "inspection", id: id, column: "evaluation",
                            "the stored evaluation's SHA-256 is \(digest.map { String($0.prefix(16)) + "…" } ?? "not computable (not text)"), but \(source) records \(Self.show(recorded)): the evaluation was edited")
                }
            } else {
                notes.append("inspection \(id) evaluation not compared: \(source) does not record its SHA-256")
            }
            checkSite(inspection: id, value(row, "site_id", of: "inspection") ?? .null, enterprise: event.enterprise, expected: payload.text("site"), source: source)
        }
    }

    private mutating func checkSite(inspection id: Int64, _ stored: DatabaseValue, enterprise: Int64?, expected: DatabaseValue?, source: String) {
        guard let expected else { return compare("inspection", id, "site_id", stored: stored, expected: nil, source: source) }
        if stored.isNull || expected.isNull {
            if stored.isNull != expected.isNull {
                problem(.rowAltered, "inspection", id: id, column: "site_id", "stored \(Self.show(stored)), but \(source) names site \(Self.show(expected))")
            }
            return
        }
        guard let siteID = Int64.fromDatabaseValue(stored),
              let statement = try? db.cachedStatement(sql: "SELECT enterprise_id, name FROM site WHERE id = ?"),
              let site = try? Row.fetchOne(statement, arguments: [siteID]) else {
            problem(.rowAltered, "inspection", id: id, column: "site_id", "refers to site \(Self.show(stored)), which does not exist; \(source) names \(Self.show(expected))")
            return
        }
        let name: DatabaseValue = site["name"], owner: DatabaseValue = site["enterprise_id"]
        if name != expected || owner != enterprise.databaseValue {
            problem(.rowAltered, "inspection", id: id, column: "site_id",
                    "refers to site \(siteID) (\(Self.show(name)) of enterprise \(Self.show(owner))), but \(source) names \(Self.show(expected)) of enterprise \(enterprise.map(String.init) ?? "NULL")")
        }
    }

    /// Each enterprise row against its latest `enterprise.registered` event.
    mutating func checkEnterprises() throws {
        let events = try Row.fetchCursor(db, sql: """
            SELECT \(StoredEvent.columns) FROM event WHERE kind = 'enterprise.registered' AND typeof(enterprise_id) = 'integer'
            ORDER BY enterprise_id, seq
            """)
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM enterprise ORDER BY id")
        try Self.merge(events: events, eventKey: "enterprise_id", rows: rows, rowKey: "id") { id, group, row in
            let parsed = group.compactMap { try? StoredEvent($0) }
            for e in parsed {
                if untrusted.contains(e.seq) { sitesUntrusted.insert(id) }
                namedSites[id, default: []].formUnion(e.object.strings("sites"))
            }
            guard let event = trustedEvent("enterprise", id: id, row: row, group: group, parsed: parsed,
                                           kind: "enterprise.registered", verb: "registered"), let row else { return }
            let payload = event.object
            let source = "its latest enterprise.registered event \(event.seq)"
            for column in ["uscc", "name", "region"] {
                compare("enterprise", id, column, in: row, expected: payload.text(column), source: source)
            }
            compare("enterprise", id, "sectors", in: row, expected: payload.strings("sectors", joinedBy: ","), source: source)
        }
    }

    /// Site rows against the names registrations and inspections gave: none missing, none extra.
    /// Call after `checkInspections` and `checkEnterprises`, which collect the names.
    mutating func checkSites() throws {
        var present: [Int64: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, enterprise_id, name, address FROM site ORDER BY id") {
            let id = (try? StoredEvent.integer(row, "id")) ?? 0
            let enterprise = try? StoredEvent.integer(row, "enterprise_id")
            let name = try? StoredEvent.text(row, "name")
            if let enterprise, sitesUntrusted.contains(enterprise) { continue }
            guard let enterprise, let name, namedSites[enterprise]?.contains(name) == true else {
                problem(.rowWithoutEvent, "site", id: id,
                        "\(Self.show(row["name"])) of enterprise \(Self.show(row["enterprise_id"])) is named by no registration or inspection")
                continue
            }
            present[enterprise, default: []].insert(name)
            let address = value(row, "address", of: "site") ?? .null
            if !address.isNull {
                problem(.rowAltered, "site", id: id, column: "address", "stored \(Self.show(address)), but the ledger records no site address")
            }
        }
        for (enterprise, names) in namedSites.sorted(by: { $0.key < $1.key }) where !sitesUntrusted.contains(enterprise) {
            for name in names.subtracting(present[enterprise] ?? []).sorted() {
                problem(.rowDeleted, "site", "'\(name)' of enterprise \(enterprise), named by its events, is missing (deleted)")
            }
        }
    }

    /// Each enforcement row against its `enforcement` event. Its id is derived too: rows are
    /// only inserted with their event, one transaction each, so the n-th enforcement event's
    /// row has id n.
    mutating func checkEnforcement() throws {
        var ordinal: Int64 = 0
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM enforcement WHERE typeof(event_seq) <> 'integer' ORDER BY id") {
            problem(.rowAltered, "enforcement", id: id, column: "event_seq", "is not an event's seq: the row was edited")
        }
        let events = try Row.fetchCursor(db, sql: "SELECT \(StoredEvent.columns) FROM event WHERE kind = 'enforcement' ORDER BY seq")
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM enforcement WHERE typeof(event_seq) = 'integer' ORDER BY event_seq, id")
        try Self.merge(events: events, eventKey: "seq", rows: rows, rowKey: "event_seq") { seq, group, row in
            let event = group.first.flatMap { try? StoredEvent($0) }
            if !group.isEmpty { ordinal += 1 }
            guard let row else {
                if let event, !untrusted.contains(event.seq) {
                    problem(.rowDeleted, "enforcement", "the row of enforcement event \(seq) is missing (deleted)")
                }
                return
            }
            let id = (try? StoredEvent.integer(row, "id")) ?? 0
            guard let event else {
                problem(.rowWithoutEvent, "enforcement", id: id, "refers to event \(seq), which is not an enforcement event (or a second row for it)")
                return
            }
            guard !untrusted.contains(event.seq) else {
                notes.append("enforcement \(id) not compared: its event \(event.seq) fails its hash")
                return
            }
            let payload = event.object
            let source = "its enforcement event \(event.seq)"
            if id != ordinal {
                problem(.rowAltered, "enforcement", id: id, column: "id",
                        "is \(id), but \(source) is enforcement event number \(ordinal), so its row is \(ordinal)")
            }
            compare("enforcement", id, "enterprise_id", in: row, expected: event.enterprise.databaseValue, source: source)
            compare("enforcement", id, "action", in: row, expected: payload.text("action"), source: source)
            compare("enforcement", id, "day", in: row, expected: event.day.databaseValue, source: source)
            compare("enforcement", id, "note", in: row, expected: payload.text("note"), source: source)
            for column in ["amount", "persons"] {
                guard let expected = payload.number(column) else { continue }
                guard let stored = value(row, column, of: "enforcement") else { continue }
                let number: Double? = switch stored.storage {
                case .null: nil
                case .int64(let n): Double(n)
                case .double(let d): d
                default: .nan   // text or a blob: never what the event says
                }
                if number != expected {
                    problem(.rowAltered, "enforcement", id: id, column: column,
                            "stored \(Self.show(stored)), but \(source) says \(expected.map { String($0) } ?? "NULL")")
                }
            }
        }
    }

    /// The event a row is compared with (the latest of its kind for the row), or nil after
    /// reporting why not: the row deleted behind its events, inserted without one, or its event
    /// failing its hash (noted, not compared, so one edit gives one finding).
    mutating func trustedEvent(_ table: String, id: Int64, row: Row?, group: [Row], parsed: [StoredEvent],
                               kind: String, verb: String) -> StoredEvent? {
        guard row != nil else {
            if !group.isEmpty, !parsed.contains(where: { untrusted.contains($0.seq) }) {
                problem(.rowDeleted, table, id: id, "\(verb) by event \(parsed.last?.seq ?? 0) but the row is missing (deleted)")
            }
            return nil
        }
        guard let event = parsed.last else {
            problem(.rowWithoutEvent, table, id: id, "no \(kind) event records it: the row was inserted behind the ledger's back")
            return nil
        }
        guard !untrusted.contains(event.seq) else {
            notes.append("\(table) \(id) not compared: its latest \(kind) event \(event.seq) fails its hash")
            return nil
        }
        return event
    }
}
