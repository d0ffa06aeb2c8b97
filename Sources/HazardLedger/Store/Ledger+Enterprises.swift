import GRDB
import HazardCore

extension Ledger {
    /// Registers an enterprise, or updates its name and region, replaces its sectors when
    /// `enterprise.sectors` names any (an empty list keeps the stored ones: re-registering
    /// without sectors must not drop them) and adds its sites.
    ///
    /// - Parameter check: called inside the write transaction with the enterprise as stored
    ///   (nil when new) before anything changes; throwing refuses the registration. The RPC
    ///   server checks scope and who may move or rename here, so no other write can slip in
    ///   between the check and the update.
    /// - Returns: the enterprise as stored now and as it was, to say what changed.
    /// - Throws: what `check` throws; GRDB errors.
    @discardableResult
    public func register(_ enterprise: Enterprise, by actor: Person,
                         checkingExisting check: @escaping @Sendable (Enterprise?) throws -> Void = { _ in }) async throws -> EnterpriseRegistration {
        try await store.register(enterprise.uscc, by: actor, at: clock.now()) { previous in
            try check(previous)
            var effective = enterprise
            if effective.sectors.isEmpty, let previous { effective.sectors = previous.sectors }
            return effective
        }
    }

    /// The enterprise with this code, or nil.
    ///
    /// - Throws: driver errors.
    public func enterprise(_ uscc: USCC) async throws -> Enterprise? {
        try await store.enterprise(uscc)
    }

    /// The `enterprise.registered` event's payload.
    static func registrationPayload(_ enterprise: Enterprise) -> String {
        var payload = CanonicalJSON()
        payload.add("name", enterprise.name)
        payload.add("region", enterprise.region)
        payload.add("sectors", strings: enterprise.sectors)
        payload.add("sites", strings: enterprise.sites)
        payload.add("uscc", enterprise.uscc.rawValue)
        return payload.finish()
    }
}

extension SQLiteLedgerStore {
    func register(_ uscc: USCC, by actor: Person, at: Timestamp,
                  resolving resolve: @escaping @Sendable (Enterprise?) throws -> Enterprise) async throws -> EnterpriseRegistration {
        try await database.write { db in
            let existing = try Int64.fetchOne(db, sql: "SELECT id FROM enterprise WHERE uscc = ?", arguments: [uscc.rawValue])
            let previous = try existing.flatMap { try Self.fetchEnterprise(db, id: $0) }
            let effective = try resolve(previous)
            var events = try EventWriter(db, at: at)
            let id = try Self.upsert(db, effective)
            for site in effective.sites { _ = try Self.siteID(db, enterprise: id, name: site) }
            try events.append(db, kind: "enterprise.registered", hazard: nil, inspection: nil, enterprise: id, actor: actor,
                              day: at.day.daysSinceEpoch, payload: Ledger.registrationPayload(effective))
            return EnterpriseRegistration(enterprise: try Self.fetchEnterprise(db, id: id) ?? effective, previous: previous)
        }
    }

    func enterprise(_ uscc: USCC) async throws -> Enterprise? {
        try await database.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM enterprise WHERE uscc = ?", arguments: [uscc.rawValue]) else { return nil }
            return try Self.fetchEnterprise(db, id: id)
        }
    }

    static func upsert(_ db: Database, _ e: Enterprise) throws -> Int64 {
        let sectors = e.sectors.joined(separator: ",")
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM enterprise WHERE uscc = ?", arguments: [e.uscc.rawValue]) {
            try db.execute(sql: "UPDATE enterprise SET name = ?, region = ?, sectors = ? WHERE id = ?", arguments: [e.name, e.region, sectors, id])
            return id
        }
        try db.execute(sql: "INSERT INTO enterprise (uscc, name, region, sectors) VALUES (?, ?, ?, ?)", arguments: [e.uscc.rawValue, e.name, e.region, sectors])
        return db.lastInsertedRowID
    }

    static func siteID(_ db: Database, enterprise: Int64, name: String) throws -> Int64 {
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM site WHERE enterprise_id = ? AND name = ?"), arguments: [enterprise, name]) {
            return id
        }
        try db.execute(sql: "INSERT INTO site (enterprise_id, name) VALUES (?, ?)", arguments: [enterprise, name])
        return db.lastInsertedRowID
    }

    static func fetchEnterprise(_ db: Database, id: Int64) throws -> Enterprise? {
        guard let row = try Row.fetchOne(db, sql: "SELECT uscc, name, region, sectors FROM enterprise WHERE id = ?", arguments: [id]) else { return nil }
        let sites = try String.fetchAll(db, sql: "SELECT name FROM site WHERE enterprise_id = ? ORDER BY id", arguments: [id])
        let sectors: String = row["sectors"]
        guard let uscc = USCC(rawValue: row["uscc"]) else {
            throw LedgerError(.corruptRow, "enterprise \(id) has an invalid unified social credit code")
        }
        return try Enterprise(uscc: uscc, name: row["name"], region: row["region"],
                              sectors: sectors.isEmpty ? [] : sectors.split(separator: ",").map(String.init), sites: sites)
    }
}
