import GRDB

/// The ledger's schema as named GRDB migrations. Shipped migrations are never edited; a
/// change is a new migration appended to `migrator`.
package enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-four-eyes-and-days") { db in
            try db.execute(sql: v2)
        }
        return migrator
    }

    /// The triggers that make `event` append-only, with the SQL `v1` creates them with (as
    /// SQLite keeps it in `sqlite_master`); `verifyChain` checks they are there and unchanged.
    static let appendOnlyTriggers = [
        ("event_no_update", "CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END"),
        ("event_no_delete", "CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END"),
    ]

    /// Refuses a database that has migrations this build does not know.
    static func checkNotNewer(_ db: Database, path: String) throws {
        guard try db.tableExists("grdb_migrations") else { return }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = Set(migrator.migrations)
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw LedgerError(.newerSchema, "the ledger \(path) was written by a newer version of hazard (schema migrations \(unknown.joined(separator: ", ")) are unknown to this build); upgrade hazard to open it")
        }
    }

    // The credential a rectification came through (the four-eyes rule compares it), and the
    // day of each hazard's latest event (the next may not be earlier); filled from the events.
    package static let v2 = """
        ALTER TABLE hazard ADD COLUMN rectified_principal TEXT;
        ALTER TABLE hazard ADD COLUMN rectified_shared INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE hazard ADD COLUMN last_event_on INTEGER;
        UPDATE hazard SET last_event_on = (SELECT day FROM event WHERE event.seq = hazard.last_event);
        """

    // Days are days since 1970-01-01 (`Day.daysSinceEpoch`); timestamps are milliseconds.
    // `due` is the deadline or 2^31-1, so the open-hazard list is an index range scan.
    package static let v1 = """
        CREATE TABLE enterprise (
            id INTEGER PRIMARY KEY,
            uscc TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            region TEXT NOT NULL,
            sectors TEXT NOT NULL
        );
        CREATE TABLE site (
            id INTEGER PRIMARY KEY,
            enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),
            name TEXT NOT NULL,
            address TEXT,
            UNIQUE (enterprise_id, name)
        );
        CREATE TABLE inspection (
            id INTEGER PRIMARY KEY,
            enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),
            site_id INTEGER REFERENCES site(id),
            kind TEXT NOT NULL,
            inspectors TEXT NOT NULL,
            inspected_on INTEGER NOT NULL,
            checklist_id TEXT NOT NULL,
            checklist_version TEXT NOT NULL,
            checklist_sha256 TEXT NOT NULL,
            sector TEXT NOT NULL,
            evaluation TEXT NOT NULL,
            signed_by TEXT NOT NULL,
            signature TEXT NOT NULL,
            recorded_at INTEGER NOT NULL
        );
        CREATE INDEX inspection_enterprise ON inspection(enterprise_id, inspected_on);
        CREATE TABLE hazard (
            id INTEGER PRIMARY KEY,
            inspection_id INTEGER NOT NULL REFERENCES inspection(id),
            enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),
            criterion TEXT NOT NULL,
            clause TEXT NOT NULL,
            title TEXT NOT NULL,
            evidence TEXT NOT NULL,
            grade TEXT NOT NULL,
            source TEXT NOT NULL,
            region TEXT NOT NULL,
            sector TEXT NOT NULL,
            checklist_id TEXT NOT NULL,
            checklist_version TEXT NOT NULL,
            found_on INTEGER NOT NULL,
            status TEXT NOT NULL,
            is_open INTEGER NOT NULL,
            due INTEGER NOT NULL,
            plan_responsible TEXT,
            plan_measures TEXT,
            plan_funds TEXT,
            plan_deadline INTEGER,
            plan_contingency TEXT,
            rectified_by TEXT,
            rectified_on INTEGER,
            on_the_spot INTEGER NOT NULL DEFAULT 0,
            verified_by TEXT,
            closed_on INTEGER,
            supervision_authority TEXT,
            supervision_deadline INTEGER,
            supervised_since INTEGER,
            first_supervised_on INTEGER,
            supervision_lifted_on INTEGER,
            rejections INTEGER NOT NULL DEFAULT 0,
            last_event INTEGER NOT NULL
        );
        CREATE INDEX hazard_enterprise ON hazard(enterprise_id);
        CREATE INDEX hazard_inspection ON hazard(inspection_id);
        CREATE INDEX hazard_open_due ON hazard(due, id) WHERE is_open = 1;
        CREATE INDEX hazard_open_checklist ON hazard(checklist_id, checklist_version) WHERE is_open = 1;
        CREATE INDEX hazard_dispatch ON hazard(grade, source, sector, region, found_on, rectified_on, first_supervised_on, closed_on, due, status);
        CREATE TABLE event (
            seq INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            hazard_id INTEGER,
            inspection_id INTEGER,
            enterprise_id INTEGER,
            actor TEXT NOT NULL,
            role TEXT NOT NULL,
            at INTEGER NOT NULL,
            day INTEGER NOT NULL,
            payload TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX event_hazard ON event(hazard_id) WHERE hazard_id IS NOT NULL;
        CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
        CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
        CREATE TABLE enforcement (
            id INTEGER PRIMARY KEY,
            event_seq INTEGER NOT NULL REFERENCES event(seq),
            enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),
            action TEXT NOT NULL,
            day INTEGER NOT NULL,
            amount REAL,
            persons INTEGER,
            note TEXT
        );
        CREATE INDEX enforcement_day ON enforcement(day, action);
        """
}
