import Foundation
import HazardCore
import HazardLedger
import Logging
import PostgresNIO

/// The ledger on PostgreSQL (`LedgerBench postgres URL …`): write throughput against bare
/// prepared statements on one connection (the ceiling), then report latency over many
/// hazards. Each part works in its own schema of the database the URL names.
struct PostgresBench {
    let location: PostgresLocation
    let inspections: Int
    let runs: Int
    let reportSizes: [Int]
    let rows: SampleRows
    let enterprise: Enterprise
    let input: InspectionInput
    let evaluation: Evaluation
    let clerk: Person
    let day: Day

    /// What one inspection writes, taken from a probe ledger so the ceiling writes the same bytes.
    struct SampleRows: Sendable {
        var evaluationJSON: String
        var hazards: [(criterion: String, clause: String, title: String, evidence: String, grade: String)]
        var inspectionPayload: String
        var hazardPayload: String
    }

    static let logger = Logger(label: "ledger-bench", factory: { _ in SwiftLogNoOpLogHandler() })

    func at(_ schema: String) -> PostgresLocation {
        var l = location
        l.schema = schema
        return l
    }

    func connect(_ schema: String) async throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        if let socket = location.socketDirectory {
            configuration = .init(unixSocketPath: socket + "/.s.PGSQL.\(location.port)", username: location.user,
                                  password: location.password, database: location.database)
        } else {
            configuration = .init(host: location.host, port: location.port, username: location.user, password: location.password,
                                  database: location.database, tls: .disable)
        }
        configuration.options.additionalStartupParameters = [("search_path", schema)]
        return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Self.logger)
    }

    /// A fresh ledger in `schema` with the bench enterprise registered.
    func freshLedger(_ schema: String) async throws -> Ledger {
        let ledger = try await Ledger.open(.postgres(at(schema)), clock: FixedClock(Timestamp(day: day, seconds: 3600)))
        try await ledger.register(enterprise, by: clerk)
        return ledger
    }

    func run() async throws {
        let stamp = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        print("== PostgreSQL ledger write throughput: \(inspections) inspections × \(rows.hazards.count) hazards, one transaction per inspection, \(runs) runs ==")
        var single: [Double] = [], eight: [Double] = [], ceiling: [Double] = []
        for run in 0..<runs {
            // The ceiling: the ledger's own tables (made by opening a ledger there), filled
            // through named prepared statements on one connection, chained hashes included.
            let ceilingSchema = "bench_ceiling_\(stamp)_\(run)"
            let made = try await freshLedger(ceilingSchema)
            await made.close()
            ceiling.append(try await ceilingRun(ceilingSchema))
            let check = try await Ledger.open(.postgres(at(ceilingSchema)), clock: FixedClock(Timestamp(day: day)))
            let chain = try await check.verifyChain()
            await check.close()
            precondition(chain.events == 1 + inspections * (1 + rows.hazards.count), "ceiling wrote \(chain.events) events")

            for (callers, schema) in [(1, "bench_one_\(stamp)_\(run)"), (8, "bench_eight_\(stamp)_\(run)")] {
                let ledger = try await freshLedger(schema)
                let time = try await seconds {
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for caller in 0..<callers {
                            group.addTask { [input, evaluation, clerk] in
                                for _ in stride(from: caller, to: inspections, by: callers) {
                                    _ = try await ledger.record(input, evaluation: evaluation, by: clerk)
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                }
                let verified = try await ledger.verifyChain()
                precondition(verified.isIntact && verified.events == 1 + inspections * (1 + rows.hazards.count), "\(schema): chain broken")
                await ledger.close()
                if callers == 1 { single.append(time) } else { eight.append(time) }
            }
        }
        let hazardsPer = Double(rows.hazards.count)
        func line(_ label: String, _ times: [Double]) -> Double {
            let x = stats(times.map { Double(inspections) / $0 })
            print("\(label) inspections/s median \(fmt(x.median)) (min \(fmt(x.min)), max \(fmt(x.max)))  hazards/s \(fmt(x.median * hazardsPer))")
            return x.median
        }
        let one = line("ledger, 1 caller          ", single)
        let many = line("ledger, 8 callers         ", eight)
        let top = line("prepared statements (ceiling)", ceiling)
        print("ratio ledger/ceiling (medians): 1 caller \(fmt(100 * one / top, 1)) %, 8 callers \(fmt(100 * many / top, 1)) %   [target ≥ 50 %]")
        try await reports(schema: "bench_reports_\(stamp)")
    }

    // MARK: The ceiling

    struct InsertInspection: PostgresPreparedStatement {
        static let sql = """
            INSERT INTO inspection (enterprise_id, site_id, kind, inspectors, inspected_on, checklist_id, checklist_version,
                checklist_sha256, sector, evaluation, signed_by, signature, recorded_at)
            VALUES ($1, NULL, 'department', $2, $3, 'sample-2026', '1.0.0', $4, 'bench', $5, '张三', $6, $7) RETURNING id
            """
        typealias Row = Int64
        var enterprise: Int64, inspectors: String, day: Int64, sha: String, evaluation: String, signature: String, at: Int64
        func makeBindings() -> PostgresBindings {
            var b = PostgresBindings(capacity: 7)
            b.append(enterprise); b.append(inspectors); b.append(day); b.append(sha); b.append(evaluation); b.append(signature); b.append(at)
            return b
        }
        func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
    }

    struct InsertHazard: PostgresPreparedStatement {
        static let sql = """
            INSERT INTO hazard (inspection_id, enterprise_id, criterion, clause, title, evidence, grade, source, region, sector,
                checklist_id, checklist_version, found_on, status, is_open, due, last_event, last_event_on)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'department', '350100', 'bench', 'sample-2026', '1.0.0', $8, 'reported', 1, 2147483647, $9, $8)
            RETURNING id
            """
        typealias Row = Int64
        var inspection: Int64, enterprise: Int64, criterion: String, clause: String, title: String, evidence: String, grade: String
        var day: Int64, seq: Int64
        func makeBindings() -> PostgresBindings {
            var b = PostgresBindings(capacity: 9)
            b.append(inspection); b.append(enterprise); b.append(criterion); b.append(clause); b.append(title); b.append(evidence)
            b.append(grade); b.append(day); b.append(seq)
            return b
        }
        func decodeRow(_ row: PostgresRow) throws -> Int64 { try row.decode(Int64.self) }
    }

    struct InsertEvent: PostgresPreparedStatement {
        static let sql = """
            INSERT INTO event (seq, kind, hazard_id, inspection_id, enterprise_id, actor, role, at, day, payload, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """
        typealias Row = ()
        var seq: Int64, kind: String, hazard: Int64?, inspection: Int64, enterprise: Int64, actor: String, role: String
        var at: Int64, day: Int64, payload: String, hash: String
        func makeBindings() -> PostgresBindings {
            var b = PostgresBindings(capacity: 11)
            b.append(seq); b.append(kind); b.append(hazard); b.append(inspection); b.append(enterprise); b.append(actor); b.append(role)
            b.append(at); b.append(day); b.append(payload); b.append(hash)
            return b
        }
        func decodeRow(_ row: PostgresRow) throws {}
    }

    /// Seconds to write `inspections` inspections through bare prepared statements.
    func ceilingRun(_ schema: String) async throws -> Double {
        let c = try await connect(schema)
        var seq: Int64 = 0, previous = ""
        for try await (s, h) in try await c.query("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1", logger: Self.logger).decode((Int64, String).self) {
            seq = s
            previous = h
        }
        var enterpriseID: Int64 = 0
        for try await id in try await c.query("SELECT id FROM enterprise", logger: Self.logger).decode(Int64.self) { enterpriseID = id }
        let at = Timestamp(day: day, seconds: 3600).rawValue
        let date = Int64(day.daysSinceEpoch)
        let sha = String(repeating: "0123456789abcdef", count: 4)
        func event(_ kind: String, hazard: Int64?, inspection: Int64, payload: String) async throws {
            seq += 1
            let hash = ChainedEvent.hash(previous: previous, seq: seq, kind: kind, hazard: hazard, inspection: inspection, enterprise: enterpriseID,
                                         actor: clerk.name, role: clerk.role, at: at, day: Int(date), payload: payload)
            _ = try await c.execute(InsertEvent(seq: seq, kind: kind, hazard: hazard, inspection: inspection, enterprise: enterpriseID, actor: clerk.name,
                                                role: clerk.role, at: at, day: date, payload: payload, hash: hash), logger: Self.logger)
            previous = hash
        }
        let elapsed = try await seconds {
            for _ in 0..<inspections {
                try await c.query("BEGIN", logger: Self.logger)
                var inspection: Int64 = 0
                for try await id in try await c.execute(InsertInspection(enterprise: enterpriseID, inspectors: "张三\n赵六", day: date, sha: sha,
                                                                         evaluation: rows.evaluationJSON, signature: "检查人：张三、赵六；签字：张三", at: at),
                                                        logger: Self.logger) { inspection = id }
                try await event("inspection.recorded", hazard: nil, inspection: inspection, payload: rows.inspectionPayload)
                for h in rows.hazards {
                    var hazard: Int64 = 0
                    for try await id in try await c.execute(InsertHazard(inspection: inspection, enterprise: enterpriseID, criterion: h.criterion, clause: h.clause,
                                                                         title: h.title, evidence: h.evidence, grade: h.grade, day: date, seq: seq + 1),
                                                            logger: Self.logger) { hazard = id }
                    try await event("reported", hazard: hazard, inspection: inspection, payload: rows.hazardPayload)
                }
                try await c.query("COMMIT", logger: Self.logger)
            }
        }
        try await c.close()
        return elapsed
    }

    // MARK: Reports

    /// Bulk-loads synthetic hazards (the SQLite bench's mix of regions, sectors, sources, grades
    /// and states) by SQL in 100k-row statements, then times the two reports through the API.
    func reports(schema: String) async throws {
        print("\n== PostgreSQL report latency (median of 5, min, max) ==")
        let ledger = try await freshLedger(schema)
        _ = try await ledger.record(input, evaluation: evaluation, by: clerk)
        let c = try await connect(schema)
        let regions = (0..<40).map { "'\(320501 + $0 * 100 + $0 % 7)'" }.joined(separator: ",")
        let sectors = ["hazardous-chemicals", "construction", "fire-safety", "gas", "mining", "road-transport", "special-equipment", "industry-trade"]
            .map { "'\($0)'" }.joined(separator: ",")
        try await c.query("SELECT setseed(0.42)", logger: Self.logger)
        var filled = 0
        for size in reportSizes {
            let fill = try await seconds {
                while filled < size {
                    let n = min(100_000, size - filled)
                    try await c.query(PostgresQuery(unsafeSQL: """
                        INSERT INTO hazard (inspection_id, enterprise_id, criterion, clause, title, evidence, grade, source, region, sector,
                            checklist_id, checklist_version, found_on, status, is_open, due, plan_responsible, plan_deadline, rectified_on,
                            closed_on, first_supervised_on, supervision_authority, supervised_since, last_event, last_event_on)
                        SELECT 1, 1, 'S-1', '第1条', '检查项', '证据', CASE WHEN major THEN 'major' ELSE 'general' END,
                            (ARRAY['self','department','supervision','public_report'])[1 + src], (ARRAY[\(regions)])[1 + reg],
                            (ARRAY[\(sectors)])[1 + sec], 'sample-2026', '1.0.0', found,
                            CASE WHEN st < 3 THEN 'reported' WHEN st < 5 THEN 'rectifying' WHEN st = 5 THEN 'rectified' ELSE 'closed' END,
                            CASE WHEN st < 6 THEN 1 ELSE 0 END, CASE WHEN st >= 3 THEN found + 30 + dl ELSE 2147483647 END,
                            CASE WHEN st >= 3 THEN '王五' END, CASE WHEN st >= 3 THEN found + 30 + dl END,
                            CASE WHEN st >= 5 THEN found + rd END, CASE WHEN st >= 6 THEN found + rd + cd END,
                            CASE WHEN major AND third THEN found + sd END, CASE WHEN major AND third THEN '市安委会' END,
                            CASE WHEN major AND third THEN found + sd END, 1, found
                        FROM (SELECT random() < 0.1 AS major, random() < 1.0 / 3 AS third,
                                     (\(day.daysSinceEpoch - 365) + floor(random() * 365))::bigint AS found, floor(random() * 10)::int AS st,
                                     floor(random() * 4)::int AS src, floor(random() * 40)::int AS reg, floor(random() * 8)::int AS sec,
                                     floor(random() * 60)::bigint AS dl, floor(random() * 60)::bigint AS rd,
                                     floor(random() * 10)::bigint AS cd, floor(random() * 10)::bigint AS sd
                              FROM generate_series(1, \(n))) r
                        """), logger: Self.logger)
                    filled += n
                }
                try await c.query("VACUUM ANALYZE hazard", logger: Self.logger)
            }
            print("(filled \(size) hazards in \(fmt(fill, 1)) s, VACUUM ANALYZE included)")
            try await timeReportQueries(ledger, size: size, day: day)
        }
        try await c.close()
        await ledger.close()
    }
}
