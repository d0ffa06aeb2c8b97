import Foundation
import GRDBSQLite
import HazardLedger

/// The raw-SQLite ceiling: the same rows (inspection, hazards, events, same text sizes) in the
/// same transactions, through bare prepared statements on the C API, WAL + synchronous=NORMAL.
struct RawBaseline {
    let path: String
    let evaluationJSON: String
    let hazards: [(criterion: String, clause: String, title: String, evidence: String, grade: String)]
    let inspectionPayload: String
    let hazardPayload: String

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func run(inspections: Int) throws -> Double {
        var db: OpaquePointer?
        guard sqlite3_open(path, &db) == SQLITE_OK, let db else { throw BenchError("cannot open \(path)") }
        defer { sqlite3_close(db) }
        func exec(_ sql: String) throws {
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
        }
        try exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        try exec(LedgerSchema.v1)
        try exec("INSERT INTO enterprise (uscc, name, region, sectors) VALUES ('91350100M000100Y43', '某公司', '350100', 'bench')")
        func prepare(_ sql: String) throws -> OpaquePointer {
            var s: OpaquePointer?
            guard sqlite3_prepare_v2(db, sql, -1, &s, nil) == SQLITE_OK, let s else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
            return s
        }
        let inspection = try prepare("""
            INSERT INTO inspection (enterprise_id, site_id, kind, inspectors, inspected_on, checklist_id, checklist_version,
                checklist_sha256, sector, evaluation, signed_by, signature, recorded_at) VALUES (1, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let hazard = try prepare("""
            INSERT INTO hazard (inspection_id, enterprise_id, criterion, clause, title, evidence, grade, source, region, sector,
                checklist_id, checklist_version, found_on, status, is_open, due, last_event)
            VALUES (?, 1, ?, ?, ?, ?, ?, 'department', '350100', 'bench', 'sample-2026', '1.0.0', 20614, 'reported', 1, 2147483647, ?)
            """)
        let event = try prepare("""
            INSERT INTO event (seq, kind, hazard_id, inspection_id, enterprise_id, actor, role, at, day, payload, hash)
            VALUES (?, ?, ?, ?, 1, '张三', 'inspector', ?, 20614, ?, ?)
            """)
        defer { sqlite3_finalize(inspection); sqlite3_finalize(hazard); sqlite3_finalize(event) }
        func text(_ s: OpaquePointer, _ i: Int32, _ v: String) { sqlite3_bind_text(s, i, v, -1, Self.transient) }
        func step(_ s: OpaquePointer) throws {
            guard sqlite3_step(s) == SQLITE_DONE else { throw BenchError(String(cString: sqlite3_errmsg(db))) }
            sqlite3_reset(s)
        }
        let hash = String(repeating: "0123456789abcdef", count: 4)
        var seq: Int64 = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<inspections {
            try exec("BEGIN IMMEDIATE")
            text(inspection, 1, "department"); text(inspection, 2, "张三\n赵六"); sqlite3_bind_int64(inspection, 3, 20614)
            text(inspection, 4, "sample-2026"); text(inspection, 5, "1.0.0"); text(inspection, 6, hash); text(inspection, 7, "bench")
            text(inspection, 8, evaluationJSON); text(inspection, 9, "张三"); text(inspection, 10, "检查人：张三、赵六；签字：张三")
            sqlite3_bind_int64(inspection, 11, 1_780_000_000_000)
            try step(inspection)
            let inspectionID = sqlite3_last_insert_rowid(db)
            seq += 1
            sqlite3_bind_int64(event, 1, seq); text(event, 2, "inspection.recorded"); sqlite3_bind_null(event, 3)
            sqlite3_bind_int64(event, 4, inspectionID); sqlite3_bind_int64(event, 5, 1_780_000_000_000); text(event, 6, inspectionPayload); text(event, 7, hash)
            try step(event)
            for h in hazards {
                seq += 1
                sqlite3_bind_int64(hazard, 1, inspectionID); text(hazard, 2, h.criterion); text(hazard, 3, h.clause); text(hazard, 4, h.title)
                text(hazard, 5, h.evidence); text(hazard, 6, h.grade); sqlite3_bind_int64(hazard, 7, seq)
                try step(hazard)
                let hazardID = sqlite3_last_insert_rowid(db)
                sqlite3_bind_int64(event, 1, seq); text(event, 2, "reported"); sqlite3_bind_int64(event, 3, hazardID)
                sqlite3_bind_int64(event, 4, inspectionID); sqlite3_bind_int64(event, 5, 1_780_000_000_000); text(event, 6, hazardPayload); text(event, 7, hash)
                try step(event)
            }
            try exec("COMMIT")
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
