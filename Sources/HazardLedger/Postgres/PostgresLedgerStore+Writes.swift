import HazardCore
import PostgresNIO

/// Writes: each one transaction that takes the chain lock first (see `PostgresLedgerStore`).
extension PostgresLedgerStore {
    /// The chain's end inside a write transaction holding the lock, and appending after it.
    struct Chain {
        var lastSeq: Int64
        var lastHash: String
        let at: Int64

        static func locked(_ c: PostgresConnection, at: Timestamp) async throws -> Chain {
            try await c.query(PostgresQuery(unsafeSQL: PostgresLedgerStore.chainLock), logger: PostgresLedgerStore.logger)
            let rows = try await PostgresLedgerStore.fetch(c, SQLQuery(sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1", arguments: []))
            guard let row = rows.first else { return Chain(lastSeq: 0, lastHash: "", at: at.rawValue) }
            return Chain(lastSeq: try row.integer("seq") ?? 0, lastHash: try row.text("hash") ?? "", at: at.rawValue)
        }

        @discardableResult
        mutating func append(_ c: PostgresConnection, kind: String, hazard: Int64?, inspection: Int64?, enterprise: Int64?,
                             actor: Person, day: Int, payload: String) async throws -> Int64 {
            let seq = lastSeq + 1
            let hash = ChainedEvent.hash(previous: lastHash, seq: seq, kind: kind, hazard: hazard, inspection: inspection, enterprise: enterprise,
                                         actor: actor.name, role: actor.role, at: at, day: day, payload: payload)
            try await PostgresLedgerStore.execute(c, SQLQuery(sql: """
                INSERT INTO event (seq, kind, hazard_id, inspection_id, enterprise_id, actor, role, at, day, payload, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [.integer(seq), .text(kind), SQLValue(hazard), SQLValue(inspection), SQLValue(enterprise), .text(actor.name),
                                 .text(actor.role), .integer(at), SQLValue(day), .text(payload), .text(hash)]))
            lastSeq = seq
            lastHash = hash
            return seq
        }
    }

    /// `INSERT … RETURNING id`.
    static func insertReturningID(_ c: PostgresConnection, _ q: SQLQuery) async throws -> Int64 {
        let rows = try await fetch(c, SQLQuery(sql: q.sql + " RETURNING id", arguments: q.arguments))
        guard let id = try rows.first?.integer("id") else { throw LedgerError(.corruptRow, "an INSERT returned no id") }
        return id
    }

    func register(_ uscc: USCC, by actor: Person, at: Timestamp,
                  resolving resolve: @escaping @Sendable (Enterprise?) throws -> Enterprise) async throws -> EnterpriseRegistration {
        try await writeTransaction { c in
            var chain = try await Chain.locked(c, at: at)
            let existing = try await Self.enterpriseID(c, uscc)
            let previous: Enterprise? = if let existing { try await Self.fetchEnterprise(c, id: existing) } else { nil }
            let enterprise = try resolve(previous)
            let sectors = enterprise.sectors.joined(separator: ",")
            let id: Int64
            if let existing {
                try await Self.execute(c, SQLQuery(sql: "UPDATE enterprise SET name = ?, region = ?, sectors = ? WHERE id = ?",
                                                   arguments: [.text(enterprise.name), .text(enterprise.region), .text(sectors), .integer(existing)]))
                id = existing
            } else {
                id = try await Self.insertReturningID(c, SQLQuery(sql: "INSERT INTO enterprise (uscc, name, region, sectors) VALUES (?, ?, ?, ?)",
                                                                  arguments: [.text(enterprise.uscc.rawValue), .text(enterprise.name), .text(enterprise.region), .text(sectors)]))
            }
            for site in enterprise.sites { _ = try await Self.siteID(c, enterprise: id, name: site) }
            try await chain.append(c, kind: "enterprise.registered", hazard: nil, inspection: nil, enterprise: id, actor: actor,
                                   day: at.day.daysSinceEpoch, payload: Ledger.registrationPayload(enterprise))
            return EnterpriseRegistration(enterprise: try await Self.fetchEnterprise(c, id: id) ?? enterprise, previous: previous)
        }
    }

    static func enterpriseID(_ c: PostgresConnection, _ uscc: USCC) async throws -> Int64? {
        try await fetch(c, SQLQuery(sql: "SELECT id FROM enterprise WHERE uscc = ?", arguments: [.text(uscc.rawValue)])).first?.integer("id")
    }

    static func siteID(_ c: PostgresConnection, enterprise: Int64, name: String) async throws -> Int64 {
        let found = try await fetch(c, SQLQuery(sql: "SELECT id FROM site WHERE enterprise_id = ? AND name = ?", arguments: [.integer(enterprise), .text(name)]))
        if let id = try found.first?.integer("id") { return id }
        return try await insertReturningID(c, SQLQuery(sql: "INSERT INTO site (enterprise_id, name) VALUES (?, ?)", arguments: [.integer(enterprise), .text(name)]))
    }

    func recordEnforcement(_ record: EnforcementRecord, by actor: Person, at: Timestamp) async throws -> Int64 {
        try await writeTransaction { c in
            var chain = try await Chain.locked(c, at: at)
            guard let enterprise = try await Self.enterpriseID(c, record.enterprise) else {
                throw LedgerError(.unknownEnterprise, "no enterprise \(record.enterprise) in the ledger; register it first")
            }
            // The id is the enforcement event's ordinal, as on SQLite (`verifyChain` checks it); an
            // identity would skip a value after a rolled-back insert.
            let seq = try await chain.append(c, kind: "enforcement", hazard: nil, inspection: nil, enterprise: enterprise, actor: actor,
                                             day: record.day.daysSinceEpoch, payload: Ledger.enforcementPayload(record))
            try await Self.execute(c, SQLQuery(sql: """
                INSERT INTO enforcement (id, event_seq, enterprise_id, action, day, amount, persons, note)
                VALUES ((SELECT COALESCE(MAX(id), 0) + 1 FROM enforcement), ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [.integer(seq), .integer(enterprise), .text(record.action.rawValue), SQLValue(record.day.daysSinceEpoch),
                                 SQLValue(record.amount), SQLValue(record.persons), SQLValue(record.note)]))
            return seq
        }
    }

    func record(_ draft: InspectionDraft, by actor: Person, at: Timestamp) async throws -> RecordedInspection {
        try await writeTransaction { c in
            var chain = try await Chain.locked(c, at: at)
            let input = draft.input
            let found = try await Self.fetch(c, SQLQuery(sql: "SELECT id, region FROM enterprise WHERE uscc = ?", arguments: [.text(input.enterprise.rawValue)]))
            guard let enterprise = found.first, let enterpriseID = try enterprise.integer("id"), let region = try enterprise.text("region") else {
                throw LedgerError(.unknownEnterprise, "no enterprise \(input.enterprise) in the ledger; register it first")
            }
            var site: Int64?
            if let name = input.site { site = try await Self.siteID(c, enterprise: enterpriseID, name: name) }
            let inspectionID = try await Self.insertReturningID(c, SQLQuery(
                sql: "INSERT INTO inspection (\(InspectionDraft.insertColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: draft.inspectionValues(enterprise: enterpriseID, site: site, at: at)))
            try await chain.append(c, kind: "inspection.recorded", hazard: nil, inspection: inspectionID, enterprise: enterpriseID,
                                   actor: actor, day: draft.date.daysSinceEpoch, payload: draft.inspectionPayload)
            let insertHazard = "INSERT INTO hazard (\(InspectionDraft.hazardColumns)) VALUES (\(Array(repeating: "?", count: 18).joined(separator: ", ")))"
            var ids: [HazardID] = []
            for h in draft.hazards {
                let hazardID = try await Self.insertReturningID(c, SQLQuery(
                    sql: insertHazard, arguments: draft.hazardValues(h, inspection: inspectionID, enterprise: enterpriseID, region: region, seq: chain.lastSeq + 1)))
                try await chain.append(c, kind: "reported", hazard: hazardID, inspection: inspectionID, enterprise: enterpriseID,
                                       actor: actor, day: draft.date.daysSinceEpoch, payload: draft.reportedPayload(h, region: region))
                ids.append(HazardID(hazardID))
            }
            return RecordedInspection(inspection: InspectionID(inspectionID), hazards: ids)
        }
    }

    func apply(_ change: LifecycleChange, to id: HazardID, by actor: Person, on day: Day, at: Timestamp,
               transition: @escaping @Sendable (HazardState) throws -> HazardState) async throws -> Hazard {
        try await writeTransaction { c in
            // The lock before the read: a racing transition's result is what this one sees.
            var chain = try await Chain.locked(c, at: at)
            var hazard = try await Self.fetchHazard(c, id: id)
            let next = try transition(hazard.state)
            let enterprise = try await Self.fetch(c, SQLQuery(sql: "SELECT enterprise_id FROM hazard WHERE id = ?", arguments: [.integer(id.rawValue)]))
                .first?.integer("enterprise_id")
            let seq = try await chain.append(c, kind: change.kind, hazard: id.rawValue, inspection: hazard.inspection.rawValue, enterprise: enterprise,
                                             actor: actor, day: day.daysSinceEpoch, payload: Ledger.payload(change, by: actor))
            try await Self.execute(c, HazardRow.update(id: id, state: next, lastEvent: seq))
            hazard.state = next
            return hazard
        }
    }
}
