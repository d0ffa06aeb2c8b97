import GRDB
import HazardCore

extension ChainAudit {
    /// The columns of a hazard row set from its `reported` event and never changed: each
    /// compared with that event's hashed content (or, for ids and the day, its hashed columns).
    static let reportedColumns = ["criterion", "clause", "title", "evidence", "grade", "source", "region", "sector",
                                  "checklist_id", "checklist_version"]

    /// Each hazard row against its events: the columns set when it was reported against the
    /// `reported` event, every lifecycle column (status, is_open, due, the plan…) against the
    /// replay of its events through `HazardState`, and `last_event` against its last event.
    /// A hazard with events but no row, or a row with no events, is reported too.
    mutating func checkHazards() throws {
        let events = try Row.fetchCursor(db, sql: """
            SELECT \(StoredEvent.columns) FROM event WHERE hazard_id IS NOT NULL AND typeof(hazard_id) = 'integer' ORDER BY hazard_id, seq
            """)
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM hazard ORDER BY id")
        try Self.merge(events: events, eventKey: "hazard_id", rows: rows, rowKey: "id") { id, group, row in
            let parsed = group.compactMap { try? StoredEvent($0) }
            let tainted = parsed.count != group.count || parsed.contains { untrusted.contains($0.seq) }
            guard let row else {
                if !tainted {
                    problem(.rowDeleted, "hazard", id: id, "has \(parsed.count) event\(parsed.count == 1 ? "" : "s") (\(parsed.map { String($0.seq) }.joined(separator: ", "))) but its row is missing (deleted)")
                }
                return
            }
            guard let reported = parsed.first else {
                problem(.rowWithoutEvent, "hazard", id: id, "has no events: no `reported` event accounts for it, so the row was inserted behind the ledger's back (or its events deleted)")
                return
            }
            guard !tainted else {
                notes.append("hazard \(id) not compared: one of its events fails its hash")
                return
            }
            guard reported.kind == "reported" else {
                problem(.replayFailed, "hazard", id: id, "its first event, \(reported.seq), is \(reported.kind), not reported")
                return
            }
            let payload = reported.object
            let source = "its reported event \(reported.seq)"
            compare("hazard", id, "inspection_id", in: row, expected: reported.inspection.databaseValue, source: source)
            compare("hazard", id, "enterprise_id", in: row, expected: reported.enterprise.databaseValue, source: source)
            compare("hazard", id, "found_on", in: row, expected: reported.day.databaseValue, source: source)
            for column in Self.reportedColumns {
                compare("hazard", id, column, in: row, expected: payload.text(column), source: source)
            }
            checkReplay(hazard: id, events: parsed, row: row)
        }
    }

    private mutating func checkReplay(hazard id: Int64, events parsed: [StoredEvent], row: Row) {
        if let last = value(row, "last_event", of: "hazard").flatMap(Int64.fromDatabaseValue), last != parsed.last?.seq, isMissingEvent(last) {
            // One finding rather than a column-by-column echo of the deleted events.
            problem(.rowAltered, "hazard", id: id, column: "last_event",
                    "refers to event \(last), which is missing (deleted); the row is not compared with its remaining events")
            return
        }
        var history: [HazardEvent] = []
        for e in parsed {
            guard let change = LifecycleChange.decode(kind: e.kind, payload: e.payload) else {
                problem(.replayFailed, "hazard", id: id, "event \(e.seq) of kind \(e.kind) cannot be read as a lifecycle change")
                return
            }
            history.append(HazardEvent(change, by: Person.decode(name: e.actor, role: e.role, payload: e.payload), on: Day(daysSinceEpoch: e.day),
                                       recordedOn: Timestamp(rawValue: e.at).day))
        }
        let state: HazardState
        do {
            state = try HazardState.replaying(history)
        } catch {
            problem(.replayFailed, "hazard", id: id, "its events do not replay: \(error.message)")
            return
        }
        let source = "its \(parsed.count) event\(parsed.count == 1 ? "" : "s") replayed (status \(state.status.rawValue))"
        for (column, value) in zip(HazardRow.projectionColumns, HazardRow.projection(state)) {
            compare("hazard", id, column, in: row, expected: value, source: source)
        }
        compare("hazard", id, "last_event", in: row, expected: parsed.last?.seq.databaseValue, source: "its last event")
    }

    /// The append-only triggers on `event`, exactly as the ledger creates them; any other
    /// trigger is reported too (one could rewrite rows as they are written).
    mutating func checkTriggers() throws {
        var found: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name") {
            let name = (try? StoredEvent.text(row, "name")) ?? "?"
            found[name] = (try? StoredEvent.text(row, "sql")) ?? ""
        }
        checkTriggers(found: found, expected: LedgerSchema.appendOnlyTriggers)
    }

    /// Compares the triggers found (name → definition) with the ones expected.
    mutating func checkTriggers(found: [String: String], expected: [(String, String)]) {
        var found = found
        for (name, sql) in expected {
            guard let stored = found.removeValue(forKey: name) else {
                problem(.triggerMissing, "trigger", column: name, "is missing (dropped): events can be updated or deleted through SQL")
                continue
            }
            if stored != sql {
                problem(.triggerAltered, "trigger", column: name, "is `\(stored)`, not the ledger's `\(sql)`")
            }
        }
        for name in found.keys.sorted() {
            problem(.triggerUnexpected, "trigger", column: name, "is not one the ledger creates: `\(found[name] ?? "")`")
        }
    }
}
