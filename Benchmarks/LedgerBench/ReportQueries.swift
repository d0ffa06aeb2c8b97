import HazardCore
import HazardLedger

/// Times the report queries on a ledger filled with `size` synthetic hazards (median of 5, min,
/// max), so the SQLite and PostgreSQL latencies come from the same calls. "320804" is the fourth
/// of the 40 regions both fills spread hazards over.
func timeReportQueries(_ ledger: Ledger, size: Int, day: Day) async throws {
    func time(_ label: String, _ body: () async throws -> Int) async throws {
        var times: [Double] = []
        var count = 0
        for _ in 0..<5 {
            times.append(try await seconds { count = try await body() })
        }
        let s = stats(times)
        print("\(size) hazards  \(label): median \(fmt(s.median * 1000, 1)) ms (min \(fmt(s.min * 1000, 1)), max \(fmt(s.max * 1000, 1)))  [\(count) rows]")
    }
    let from = Day(year: 2026, month: 5, day: 25) ?? day, to = Day(year: 2026, month: 6, day: 24) ?? day
    try await time("dispatch report            ") { try await ledger.dispatchReport(DispatchQuery(from: from, to: to)).bySector.count }
    try await time("dispatch report, one city  ") { try await ledger.dispatchReport(DispatchQuery(from: from, to: to, region: "320500", sector: "gas")).byRegion.count }
    try await time("open-hazard list (1000)    ") { try await ledger.hazards(HazardFilter(limit: 1000)).count }
    try await time("open list, major, overdue  ") { try await ledger.hazards(HazardFilter(grade: .major, overdueAsOf: to, limit: 1000)).count }
    try await time("open list, one region      ") { try await ledger.hazards(HazardFilter(region: "320804", limit: 1000)).count }
}
