import GRDB
import HazardCore

/// One run of `verifyChain` inside one read transaction: re-hashes every event, then checks
/// that every stored fact is either hashed or derived from hashed events and equal to what
/// they say. It collects every problem rather than stopping at the first, and reads columns
/// by their stored type, so an edited file is reported, never a crash.
struct ChainAudit {
    let db: Database
    var problems: [ChainProblem] = []
    var notes: [String] = []
    var events = 0
    var head: ChainHead?
    /// Events whose hash fails or cannot be checked. Rows derived from them are not compared:
    /// the event is the finding, and comparing with its altered content would only echo it.
    var untrusted: Set<Int64> = []
    /// Stored hash of the event at the anchor's seq, when asked for one.
    var hashAtAnchor: String?
    /// Site names each enterprise's events name (registrations and inspections), and the
    /// enterprises where one of those events is untrusted.
    var namedSites: [Int64: Set<String>] = [:]
    var sitesUntrusted: Set<Int64> = []
    /// Sequence numbers missing inside the chain.
    var gaps: [ClosedRange<Int64>] = []
    /// `table.column` already reported as dropped.
    var missingColumns: Set<String> = []

    init(_ db: Database) { self.db = db }

    mutating func problem(_ kind: ChainProblem.Kind, _ table: String, id: Int64? = nil, column: String? = nil, _ detail: String) {
        problems.append(ChainProblem(kind, table, id: id, column: column, detail))
    }

    /// Re-computes every event's hash from the one before. After a failing event, the next
    /// is checked against both its stored and its recomputed hash, so one edit (of content or
    /// of a stored hash) is one finding, not a cascade.
    mutating func checkEvents(anchorSeq: Int64?) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT \(StoredEvent.columns) FROM event ORDER BY seq")
        var previous: [String] = [""]
        var expectedSeq: Int64 = 1
        while let row = try rows.next() {
            events += 1
            // `seq` is the INTEGER PRIMARY KEY: SQLite keeps it an integer.
            let seq = (try? StoredEvent.integer(row, "seq")) ?? expectedSeq
            let storedHash = (try? StoredEvent.text(row, "hash")) ?? ""
            defer {
                head = ChainHead(seq: seq, hash: storedHash)
                if seq == anchorSeq { hashAtAnchor = storedHash }
                expectedSeq = seq + 1
            }
            var predecessorKnown = true
            if seq != expectedSeq {
                let missing = seq - expectedSeq == 1 ? "event \(expectedSeq) is" : "events \(expectedSeq)–\(seq - 1) are"
                problem(.eventDeleted, "event", id: expectedSeq, "\(missing) missing (deleted); event \(seq), which follows the gap, cannot be checked")
                predecessorKnown = false
                untrusted.insert(seq)
                gaps.append(expectedSeq...(seq - 1))
            }
            let event: StoredEvent
            do {
                event = try StoredEvent(row)
            } catch {
                problem(.eventAltered, "event", id: seq, column: error.column, "is not \(error.expected) as the ledger writes it: the row was edited")
                untrusted.insert(seq)
                previous = [storedHash]
                continue
            }
            guard predecessorKnown else { previous = [storedHash]; continue }
            let candidates = previous.map(event.expectedHash(after:))
            if candidates.contains(storedHash) {
                previous = [storedHash]
            } else {
                problem(.eventAltered, "event", id: seq, "(\(event.kind)) does not match its hash: its content or its stored hash was altered")
                untrusted.insert(seq)
                previous = [storedHash] + candidates.filter { $0 != storedHash }
            }
        }
    }

    /// True when `seq` names an event that is not (or no longer) in the chain.
    func isMissingEvent(_ seq: Int64) -> Bool {
        seq > (head?.seq ?? 0) || seq < 1 || gaps.contains { $0.contains(seq) }
    }

    /// Compares the anchor kept outside the file with the chain.
    mutating func checkAnchor(_ anchor: ChainHead, key: ChainKey?) {
        if let key {
            if anchor.hmac == nil {
                problem(.headSignatureInvalid, "head", "the head given carries no HMAC to check with the key")
            } else if !anchor.isSigned(by: key) {
                problem(.headSignatureInvalid, "head", "the head's HMAC is not this head's under the key: the head was forged or the key is another")
            }
        } else if anchor.hmac != nil {
            notes.append("the head's HMAC was not checked (no key given)")
        }
        let last = head?.seq ?? 0
        if anchor.seq > last {
            problem(.truncated, "head", id: anchor.seq,
                    "the chain ends at event \(last) but the head kept elsewhere is event \(anchor.seq): events were removed from the end")
        } else if let stored = hashAtAnchor {
            if stored != anchor.hash {
                problem(.headMismatch, "head", id: anchor.seq,
                        "event \(anchor.seq) has hash \(stored.prefix(16))…, the head kept elsewhere says \(anchor.hash.prefix(16))…: the history up to it was rewritten")
            }
        } else {
            problem(.headMismatch, "head", id: anchor.seq, "event \(anchor.seq), the head kept elsewhere, is missing")
        }
    }

    /// A column of a row read with `SELECT *`; nil, reported once per table and column, when the
    /// column is gone (`ALTER TABLE … DROP COLUMN`).
    mutating func value(_ row: Row, _ column: String, of table: String) -> DatabaseValue? {
        if row.hasColumn(column) { return row[column] }
        if missingColumns.insert("\(table).\(column)").inserted {
            problem(.schemaAltered, table, column: column, "the column is missing (dropped): no row's \(column) can be compared")
        }
        return nil
    }

    /// Compares a column of `row` with what a hashed event says it must be.
    mutating func compare(_ table: String, _ id: Int64, _ column: String, in row: Row, expected: DatabaseValue?, source: String) {
        guard let stored = value(row, column, of: table) else { return }
        compare(table, id, column, stored: stored, expected: expected, source: source)
    }

    /// Runs one table's check; a table that cannot be read (dropped, or a column the query
    /// names dropped) is a finding, and the other checks still run.
    mutating func run(_ table: String, _ check: (inout ChainAudit) throws -> Void) {
        do {
            try check(&self)
        } catch let error as DatabaseError {
            problem(.schemaAltered, table, "cannot be read (\(error.message ?? "\(error.resultCode)")): the table or one of its columns was dropped or altered")
        } catch {
            problem(.schemaAltered, table, "cannot be read: \(error)")
        }
    }

    /// Compares one stored column with what a hashed event says it must be.
    mutating func compare(_ table: String, _ id: Int64, _ column: String, stored: DatabaseValue, expected: DatabaseValue?, source: String) {
        guard let expected else {
            notes.append("\(table) \(id) \(column) not compared: \(source) does not record it (written by an older hazard)")
            return
        }
        guard stored != expected else { return }
        problem(.rowAltered, table, id: id, column: column, "stored \(Self.show(stored)), but \(source) says \(Self.show(expected))")
    }

    static func show(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): "'\(s.count > 80 ? String(s.prefix(80)) + "…" : s)'"
        case .blob(let b): "a \(b.count)-byte blob"
        }
    }

    /// Walks events and rows, both sorted by the same integer key, calling `body` once per key
    /// with that key's events (maybe none) and its row (maybe nil).
    static func merge(events: RowCursor, eventKey: String, rows: RowCursor, rowKey: String,
               _ body: (Int64, [Row], Row?) throws -> Void) throws {
        func key(_ row: Row, _ column: String) -> Int64 { (try? StoredEvent.integer(row, column)) ?? .min }
        var event = try events.next()
        var row = try rows.next()
        while event != nil || row != nil {
            let k = min(event.map { key($0, eventKey) } ?? .max, row.map { key($0, rowKey) } ?? .max)
            var group: [Row] = []
            while let e = event, key(e, eventKey) == k {
                group.append(e.copy())
                event = try events.next()
            }
            var matched: Row?
            if let r = row, key(r, rowKey) == k {
                matched = r.copy()
                row = try rows.next()
            }
            try body(k, group, matched)
        }
    }
}
