import GRDB
import HazardCore

extension Ledger {
    /// Verifies the audit trail and everything stored beside it, collecting every problem.
    ///
    /// - Every event's hash is recomputed; deleted events (gaps in seq) are named.
    /// - The append-only triggers must be present and exactly as created; no other trigger.
    /// - Every row is compared with the hashed events it comes from: inspections (inspectors,
    ///   signature, checklist, the stored evaluation by its SHA-256…), hazards (the columns
    ///   set when reported, and every lifecycle column against a replay through
    ///   `HazardState`), enterprises, sites and enforcement rows. A row no event accounts for,
    ///   and a row an event accounts for that is gone, are reported.
    /// - With `anchor` (a head kept outside the file, `head(signedWith:)`), a chain shorter
    ///   than it (truncated) or with another hash at its seq (rewritten, even with every hash
    ///   recomputed) is reported; with `key`, the anchor's HMAC is checked too.
    ///
    /// Problems in the data are findings in the report, never thrown.
    ///
    /// On PostgreSQL the same audit runs over a snapshot of the tables (one REPEATABLE READ
    /// transaction) copied into an in-memory SQLite database, and the append-only trigger is
    /// checked in PostgreSQL's catalog.
    ///
    /// - Throws: driver errors (the ledger cannot be read).
    public func verifyChain(anchor: ChainHead? = nil, key: ChainKey? = nil) async throws -> ChainReport {
        try await store.verifyChain(anchor: anchor, key: key)
    }

    /// The last event's seq and hash, signed with `key` when given: what to keep outside the
    /// file and pass to `verifyChain(anchor:key:)` later. Nil for a ledger with no events.
    ///
    /// - Throws: driver errors.
    public func head(signedWith key: ChainKey? = nil) async throws -> ChainHead? {
        guard let head = try await store.head() else { return nil }
        return key.map(head.signed(with:)) ?? head
    }
}

extension ChainAudit {
    /// The whole audit over `db`; `triggers` checks the append-only triggers (SQLite's own,
    /// or another store's found elsewhere).
    static func report(_ db: Database, anchor: ChainHead?, key: ChainKey?, triggers: (inout ChainAudit) throws -> Void) -> ChainReport {
        var audit = ChainAudit(db)
        audit.run("event") { try $0.checkEvents(anchorSeq: anchor?.seq) }
        audit.run("trigger", triggers)
        audit.run("enterprise") { try $0.checkEnterprises() }
        audit.run("inspection") { try $0.checkInspections() }
        audit.run("site") { try $0.checkSites() }
        audit.run("hazard") { try $0.checkHazards() }
        audit.run("enforcement") { try $0.checkEnforcement() }
        if let anchor { audit.checkAnchor(anchor, key: key) }
        return ChainReport(events: audit.events, head: audit.head, problems: audit.problems, notes: audit.notes)
    }
}

extension SQLiteLedgerStore {
    func verifyChain(anchor: ChainHead?, key: ChainKey?) async throws -> ChainReport {
        try await database.read { db in ChainAudit.report(db, anchor: anchor, key: key) { try $0.checkTriggers() } }
    }

    func head() async throws -> ChainHead? {
        try await database.read { db -> ChainHead? in
            guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1") else { return nil }
            let seq = (try? StoredEvent.integer(row, "seq")) ?? 0
            let hash = (try? StoredEvent.text(row, "hash")) ?? ""
            return ChainHead(seq: seq, hash: hash)
        }
    }
}
