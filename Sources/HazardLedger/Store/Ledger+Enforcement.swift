import GRDB
import HazardCore

extension Ledger {
    /// Records a spot-check finding or enforcement action against an enterprise.
    ///
    /// - Returns: the event's sequence number.
    /// - Throws: `LedgerError` `.unknownEnterprise`; GRDB errors.
    @discardableResult
    public func recordEnforcement(_ record: EnforcementRecord, by actor: Person) async throws -> Int64 {
        try await store.recordEnforcement(record, by: actor, at: clock.now())
    }

    /// The `enforcement` event's payload.
    static func enforcementPayload(_ record: EnforcementRecord) -> String {
        var p = CanonicalJSON()
        p.add("action", record.action.rawValue)
        p.add("amount", record.amount)
        p.add("note", record.note)
        p.add("persons", record.persons)
        return p.finish()
    }
}

extension SQLiteLedgerStore {
    func recordEnforcement(_ record: EnforcementRecord, by actor: Person, at: Timestamp) async throws -> Int64 {
        try await database.write { db in
            guard let enterprise = try Int64.fetchOne(db, sql: "SELECT id FROM enterprise WHERE uscc = ?", arguments: [record.enterprise.rawValue]) else {
                throw LedgerError(.unknownEnterprise, "no enterprise \(record.enterprise) in the ledger; register it first")
            }
            var events = try EventWriter(db, at: at)
            let seq = try events.append(db, kind: "enforcement", hazard: nil, inspection: nil, enterprise: enterprise, actor: actor,
                                        day: record.day.daysSinceEpoch, payload: Ledger.enforcementPayload(record))
            let values: [(any DatabaseValueConvertible)?] = [seq, enterprise, record.action.rawValue, record.day.daysSinceEpoch, record.amount, record.persons, record.note]
            try db.execute(sql: "INSERT INTO enforcement (event_seq, enterprise_id, action, day, amount, persons, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: StatementArguments(values))
            return seq
        }
    }
}
