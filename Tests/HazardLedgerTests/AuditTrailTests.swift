import Foundation
import GRDB
import HazardCore
@testable import HazardLedger
import Testing

/// Issue 12, "The audit trail": a ledger file edited directly with SQL, one kind of edit at a
/// time, and what `verifyChain` must report for it — every problem, by kind and row, without
/// throwing.
///
/// The ledger (ids are deterministic in a fresh file):
/// event 1 enterprise 1 registered (site 1 一厂区); event 2 inspection 1 recorded; events 3, 4
/// hazards 1 (major) and 2 (general) reported; event 5 hazard 1 planned (deadline 2026-07-10);
/// events 6, 7 hazard 2 rectified on the spot and verified (closed); event 8 enforcement 1 (a
/// fine); event 9 inspection 2 recorded; event 10 hazard 3 (general) reported.
@Suite("Audit trail: direct edits of the ledger file")
struct AuditTrailTests {
    static let key = try! ChainKey(bytes: Array("a key kept off the ledger host, 32B".utf8))

    /// Builds the ledger above in a temporary file and returns its signed head.
    static func build(at path: String) async throws -> ChainHead {
        let f = try await LedgerFixture(path: path)
        let ids = try await f.record(major: 1, general: 1).hazards
        #expect(ids == [HazardID(1), HazardID(2)])
        try await f.ledger.plan(f.completePlan, for: HazardID(1), by: f.owner, on: LedgerFixture.day)
        try await f.ledger.rectify(HazardID(2), by: f.owner, on: LedgerFixture.day)
        try await f.ledger.verify(HazardID(2), by: f.inspector, on: LedgerFixture.day)
        try await f.ledger.recordEnforcement(EnforcementRecord(enterprise: f.uscc, action: .penalty, day: LedgerFixture.day, amount: 2.5, note: "罚款"), by: f.inspector)
        #expect(try await f.record(major: 0, general: 1).hazards == [HazardID(3)])
        let report = try await f.ledger.verifyChain()
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.events == 10 && report.notes.isEmpty)
        return try #require(try await f.ledger.head(signedWith: key))
    }

    /// Edits the file as a tamperer would with the sqlite3 shell: its own connection, foreign
    /// keys off.
    static func tamper(_ path: String, _ sql: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    static func verify(_ path: String, anchor: ChainHead? = nil, key: ChainKey? = nil) async throws -> ChainReport {
        try await Ledger.open(path: path, clock: FixedClock(Timestamp(day: LedgerFixture.today))).verifyChain(anchor: anchor, key: key)
    }

    /// `kind table id.column` of each problem, in order.
    static func found(_ report: ChainReport) -> [String] {
        report.problems.map { "\($0.kind.rawValue) \($0.location)" }
    }

    /// Dropping a trigger and putting it back exactly, as a careful tamperer would.
    static let deleting = (drop: "DROP TRIGGER event_no_delete;", restore: LedgerSchema.appendOnlyTriggers[1].1 + ";")
    static let updating = (drop: "DROP TRIGGER event_no_update;", restore: LedgerSchema.appendOnlyTriggers[0].1 + ";")

    static let edits: [(String, String, [String])] = [
        // Hazard columns outside the replayed state: compared with the hashed `reported` event.
        ("hazard region", "UPDATE hazard SET region = '110101' WHERE id = 1", ["rowAltered hazard 1.region"]),
        ("hazard title", "UPDATE hazard SET title = '无' WHERE id = 1", ["rowAltered hazard 1.title"]),
        ("hazard evidence", "UPDATE hazard SET evidence = '' WHERE id = 2", ["rowAltered hazard 2.evidence"]),
        ("hazard criterion", "UPDATE hazard SET criterion = 'S-9' WHERE id = 1", ["rowAltered hazard 1.criterion"]),
        ("hazard inspection_id", "UPDATE hazard SET inspection_id = 2 WHERE id = 1", ["rowAltered hazard 1.inspection_id"]),
        ("hazard found_on as text", "UPDATE hazard SET found_on = 'yesterday' WHERE id = 3", ["rowAltered hazard 3.found_on"]),
        // Derived columns: compared with the replay of the hazard's events.
        ("hazard is_open", "UPDATE hazard SET is_open = 0 WHERE id = 1", ["rowAltered hazard 1.is_open"]),
        ("hazard due", "UPDATE hazard SET due = 20700 WHERE id = 1", ["rowAltered hazard 1.due"]),
        ("hazard closed by hand", "UPDATE hazard SET status = 'closed', is_open = 0 WHERE id = 3",
         ["rowAltered hazard 3.status", "rowAltered hazard 3.is_open"]),
        ("hazard last_event", "UPDATE hazard SET last_event = 7 WHERE id = 1", ["rowAltered hazard 1.last_event"]),
        // The stored evaluation, by the SHA-256 its event hashed; who inspected and signed.
        ("evaluation JSON", "UPDATE inspection SET evaluation = replace(evaluation, 'major', 'general') WHERE id = 1",
         ["rowAltered inspection 1.evaluation"]),
        ("signature", "UPDATE inspection SET signature = '检查人：张三；签字：张三', signed_by = '李四' WHERE id = 1",
         ["rowAltered inspection 1.signed_by", "rowAltered inspection 1.signature"]),
        ("inspectors", "UPDATE inspection SET inspectors = '张三' WHERE id = 2", ["rowAltered inspection 2.inspectors"]),
        ("inspection day", "UPDATE inspection SET inspected_on = inspected_on - 30 WHERE id = 1", ["rowAltered inspection 1.inspected_on"]),
        ("inspection deleted", "DELETE FROM inspection WHERE id = 2", ["rowDeleted inspection 2"]),
        // Enterprise, site and enforcement rows.
        ("enterprise renamed", "UPDATE enterprise SET name = '某某贸易公司', region = '110101' WHERE id = 1",
         ["rowAltered enterprise 1.name", "rowAltered enterprise 1.region"]),
        ("enterprise deleted", "DELETE FROM enterprise WHERE id = 1", ["rowDeleted enterprise 1"]),
        ("enterprise inserted", "INSERT INTO enterprise (uscc, name, region, sectors) VALUES ('91110000MA0000000X', '某公司', '110101', '')",
         ["rowWithoutEvent enterprise 2"]),
        ("site renamed", "UPDATE site SET name = '二厂区' WHERE id = 1",
         ["rowAltered inspection 1.site_id", "rowAltered inspection 2.site_id", "rowWithoutEvent site 1", "rowDeleted site"]),
        ("fine reduced", "UPDATE enforcement SET amount = 0.5 WHERE id = 1", ["rowAltered enforcement 1.amount"]),
        ("fine deleted", "DELETE FROM enforcement WHERE id = 1", ["rowDeleted enforcement"]),
        // Rows with no events behind them, rows whose events remain.
        ("hazard row with no events", """
            INSERT INTO hazard (inspection_id, enterprise_id, criterion, clause, title, evidence, grade, source, region, sector,
                                checklist_id, checklist_version, found_on, status, is_open, due, last_event, last_event_on)
            SELECT inspection_id, enterprise_id, criterion, clause, title, evidence, 'major', source, region, sector,
                   checklist_id, checklist_version, found_on, status, is_open, due, last_event, last_event_on FROM hazard WHERE id = 3
            """, ["rowWithoutEvent hazard 4"]),
        ("hazard row deleted", "DELETE FROM hazard WHERE id = 2", ["rowDeleted hazard 2"]),
        // Tables and columns dropped: reported, and the other checks still run.
        ("site table dropped", "DROP TABLE site", ["rowAltered inspection 1.site_id", "rowAltered inspection 2.site_id", "schemaAltered site"]),
        ("hazard column dropped", "ALTER TABLE hazard DROP COLUMN evidence; UPDATE hazard SET title = '无' WHERE id = 3",
         ["schemaAltered hazard evidence", "rowAltered hazard 3.title"]),
        // The append-only triggers.
        ("trigger dropped", "DROP TRIGGER event_no_update", ["triggerMissing trigger event_no_update"]),
        ("trigger disarmed", "DROP TRIGGER event_no_delete; CREATE TRIGGER event_no_delete BEFORE DELETE ON event WHEN 0 BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END",
         ["triggerAltered trigger event_no_delete"]),
        ("trigger added", "CREATE TRIGGER hazard_reopen AFTER UPDATE ON hazard BEGIN SELECT 1; END", ["triggerUnexpected trigger hazard_reopen"]),
        // Events themselves (triggers dropped and put back exactly).
        ("event payload", updating.drop + "UPDATE event SET payload = replace(payload, '\"grade\":\"general\"', '\"grade\":\"major\"') WHERE seq = 4;" + updating.restore,
         ["eventAltered event 4"]),
        ("stored hash", updating.drop + "UPDATE event SET hash = '\(String(repeating: "0", count: 64))' WHERE seq = 6;" + updating.restore,
         ["eventAltered event 6"]),
        ("event day as text", updating.drop + "UPDATE event SET day = 'x' WHERE seq = 3;" + updating.restore, ["eventAltered event 3.day"]),
        ("event deleted inside the chain", deleting.drop + "DELETE FROM event WHERE seq = 5;" + deleting.restore,
         ["eventDeleted event 5", "rowAltered hazard 1.last_event"]),
        // The tail without an anchor: the rows of the deleted events remain.
        ("last events deleted", deleting.drop + "DELETE FROM event WHERE seq > 8;" + deleting.restore,
         ["rowWithoutEvent inspection 2", "rowWithoutEvent hazard 3"]),
    ]

    @Test("each direct edit is reported as exactly what it is", arguments: edits)
    func directEdit(name: String, sql: String, expected: [String]) async throws {
        try await LedgerFixture.withTemporaryDirectory { dir in
            let path = dir + "/ledger.sqlite"
            _ = try await Self.build(at: path)
            try Self.tamper(path, sql)
            let report = try await Self.verify(path)
            #expect(Self.found(report) == expected, "\(name): \(report.problems.map(\.description))")
            #expect(!report.isIntact)
        }
    }

    @Test("the last inspection deleted cleanly leaves a consistent chain; only the head kept elsewhere shows the truncation")
    func truncatedTail() async throws {
        try await LedgerFixture.withTemporaryDirectory { dir in
            let path = dir + "/ledger.sqlite"
            let head = try await Self.build(at: path)
            #expect(head.seq == 10)
            try Self.tamper(path, Self.deleting.drop + """
                DELETE FROM event WHERE seq > 8; DELETE FROM hazard WHERE id = 3; DELETE FROM inspection WHERE id = 2;
                """ + Self.deleting.restore)
            #expect(try await Self.verify(path).isIntact)
            let anchored = try await Self.verify(path, anchor: ChainHead(seq: head.seq, hash: head.hash))
            #expect(Self.found(anchored) == ["truncated head 10"])
            let signed = try await Self.verify(path, anchor: head, key: Self.key)
            #expect(Self.found(signed) == ["truncated head 10"])
            #expect(signed.head?.seq == 8)
        }
    }

    /// The inspection's signature edited in its event and its row, and every later hash recomputed.
    static func rewriteSignature(_ path: String) throws -> ChainHead {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.write { db in
            try db.execute(sql: updating.drop)
            try db.execute(sql: "UPDATE event SET payload = replace(payload, '签字：张三', '签字：李四') WHERE seq = 2")
            try db.execute(sql: "UPDATE inspection SET signature = replace(signature, '签字：张三', '签字：李四') WHERE id = 1")
            var previous = ""
            for row in try Row.fetchAll(db, sql: "SELECT \(StoredEvent.columns) FROM event ORDER BY seq") {
                let event = try StoredEvent(row)
                let hash = event.expectedHash(after: previous)
                try db.execute(sql: "UPDATE event SET hash = ? WHERE seq = ?", arguments: [hash, event.seq])
                previous = hash
            }
            try db.execute(sql: updating.restore)
            return ChainHead(seq: 10, hash: previous)
        }
    }

    @Test("a payload edited with every hash recomputed: the head kept elsewhere differs, and a head forged to match fails its HMAC")
    func recomputedHashes() async throws {
        try await LedgerFixture.withTemporaryDirectory { dir in
            let path = dir + "/ledger.sqlite"
            let head = try await Self.build(at: path)
            #expect(try await Self.verify(path, anchor: head, key: Self.key).isIntact)
            let forgedChain = try Self.rewriteSignature(path)
            // Consistent inside the file: the row matches the edited event, every hash is right.
            let inside = try await Self.verify(path)
            #expect(inside.isIntact, "\(inside.problems)")
            #expect(Self.found(try await Self.verify(path, anchor: ChainHead(seq: head.seq, hash: head.hash))) == ["headMismatch head 10"])
            #expect(Self.found(try await Self.verify(path, anchor: head, key: Self.key)) == ["headMismatch head 10"])
            // The tamperer also replaces the kept head, but cannot sign it without the key.
            let forged = ChainHead(seq: forgedChain.seq, hash: forgedChain.hash, hmac: head.hmac)
            #expect(Self.found(try await Self.verify(path, anchor: forged, key: Self.key)) == ["headSignatureInvalid head"])
            let guessed = forgedChain.signed(with: try ChainKey(bytes: Array("a key the tamperer guessed, 32 bytes".utf8)))
            #expect(Self.found(try await Self.verify(path, anchor: guessed, key: Self.key)) == ["headSignatureInvalid head"])
            // Without the key only the head's content is compared, and the report says so.
            let unchecked = try await Self.verify(path, anchor: forged)
            #expect(unchecked.isIntact && unchecked.notes == ["the head's HMAC was not checked (no key given)"])
        }
    }

    @Test("a head taken earlier still verifies a ledger that has grown since; an unsigned head fails when a key is given")
    func grownLedger() async throws {
        try await LedgerFixture.withTemporaryDirectory { dir in
            let path = dir + "/ledger.sqlite"
            let head = try await Self.build(at: path)
            let f = try await LedgerFixture(path: path, registering: false)
            try await f.ledger.rectify(HazardID(3), by: f.owner, on: LedgerFixture.day)
            let report = try await Self.verify(path, anchor: head, key: Self.key)
            #expect(report.isIntact && report.head?.seq == 11, "\(report.problems)")
            #expect(Self.found(try await Self.verify(path, anchor: ChainHead(seq: head.seq, hash: head.hash), key: Self.key)) == ["headSignatureInvalid head"])
            let other = try ChainKey(bytes: Array("another key, also long enough....".utf8))
            #expect(Self.found(try await Self.verify(path, anchor: head, key: other)) == ["headSignatureInvalid head"])
        }
    }

    @Test("several edits at once are all reported, in one run")
    func severalEdits() async throws {
        try await LedgerFixture.withTemporaryDirectory { dir in
            let path = dir + "/ledger.sqlite"
            let head = try await Self.build(at: path)
            try Self.tamper(path, """
                DROP TRIGGER event_no_delete; DELETE FROM event WHERE seq = 10;
                UPDATE hazard SET region = '110101' WHERE id = 1; DELETE FROM enterprise; UPDATE inspection SET inspectors = 'x' WHERE id = 1;
                """)
            let report = try await Self.verify(path, anchor: head, key: Self.key)
            #expect(Self.found(report) == [
                "triggerMissing trigger event_no_delete", "rowDeleted enterprise 1", "rowAltered inspection 1.inspectors",
                "rowAltered hazard 1.region", "rowWithoutEvent hazard 3", "truncated head 10",
            ])
            #expect(report.firstBadEvent == nil && report.mismatchedHazard == HazardID(1))
        }
    }

    @Test("heads parse as printed, and malformed ones are refused", arguments: [
        ("12:\(String(repeating: "ab", count: 32))", true), ("12:\(String(repeating: "AB", count: 32)):\(String(repeating: "0", count: 64))", true),
        ("0:\(String(repeating: "ab", count: 32))", false), ("12:abc", false), ("12", false), ("x:\(String(repeating: "ab", count: 32))", false),
        ("12:\(String(repeating: "ab", count: 32)):zz", false),
    ])
    func headText(text: String, valid: Bool) {
        let head = ChainHead(parsing: text)
        #expect((head != nil) == valid)
        if let head { #expect(ChainHead(parsing: head.description) == head) }
    }

    @Test("a chain key shorter than 16 bytes is refused")
    func shortKey() {
        let error = #expect(throws: LedgerError.self) { try ChainKey(bytes: Array("short".utf8)) }
        #expect(error?.code == .invalidInput)
    }
}

@Suite("HMAC-SHA256 (RFC 4231 test cases)")
struct HMACSHA256Tests {
    static let vectors: [([UInt8], [UInt8], String)] = [
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        ([UInt8](1...25), [UInt8](repeating: 0xcd, count: 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ([UInt8](repeating: 0xaa, count: 131),
         Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test("RFC 4231 §4.2–4.8 (case 5, truncated output, omitted)", arguments: vectors)
    func rfc4231(key: [UInt8], data: [UInt8], mac: String) {
        #expect(HMACSHA256.hex(key: key, message: data) == mac)
        #expect(HMACSHA256.matches(HMACSHA256.hex(key: key, message: data), mac))
    }
}

@Suite("Audit trail: every stored fact is checked")
struct StoredFactCoverageTests {
    /// Every column of every ledger table, as the schema has it now (so a column a later
    /// migration adds is covered, or this fails): overwritten with text no writer stores, in
    /// one row (an id moved), must give at least one problem besides the trigger dropped to edit `event`.
    @Test("overwriting any column of any row with a foreign value is reported")
    func everyColumn() async throws {
        let tables = ["enterprise", "site", "inspection", "hazard", "enforcement", "event"]
        var columns: [(String, String, Bool)] = []
        try await LedgerFixture.withTemporaryDirectory { dir in
            let path = dir + "/schema.sqlite"
            _ = try await AuditTrailTests.build(at: path)
            let queue = try DatabaseQueue(path: path)
            for table in tables {
                let rows = try await queue.read { db in try Row.fetchAll(db, sql: "SELECT name, pk FROM pragma_table_info(?)", arguments: [table]) }
                columns += rows.map { (table, $0["name"], $0["pk"] != 0) }
            }
            try queue.close()
        }
        #expect(columns.count > 70)
        for (table, column, isKey) in columns {
            try await LedgerFixture.withTemporaryDirectory { dir in
                let path = dir + "/ledger.sqlite"
                _ = try await AuditTrailTests.build(at: path)
                // An INTEGER PRIMARY KEY only takes integers: move the row instead.
                let value = isKey ? "rowid + 1000" : "'tampered'"
                let update = "UPDATE \(table) SET \(column) = \(value) WHERE rowid = (SELECT min(rowid) FROM \(table));"
                try AuditTrailTests.tamper(path, table == "event" ? AuditTrailTests.updating.drop + update + AuditTrailTests.updating.restore : update)
                let report = try await AuditTrailTests.verify(path)
                #expect(!report.problems.isEmpty, "\(table).\(column) edited, nothing reported")
            }
        }
    }
}
