import GRDB
import HazardCore

extension Ledger {
    /// Counts the dispatch form for a period. One pass over the hazards of the scope (on SQLite
    /// the `hazard_dispatch` covering index, grouped in index order), plus one over enforcement.
    ///
    /// - Throws: `LedgerError` (`.invalidRegion`, `.invalidInput` for an empty period); driver errors.
    public func dispatchReport(_ query: DispatchQuery) async throws -> DispatchReport {
        guard query.from <= query.to else {
            throw LedgerError(.invalidInput, "the period \(query.from)…\(query.to) is empty: --from must not be after --to")
        }
        if let region = query.region { _ = try RegionCode(region) }
        return try await store.dispatchReport(query)
    }
}

extension SQLiteLedgerStore {
    func dispatchReport(_ query: DispatchQuery) async throws -> DispatchReport {
        let sql = try DispatchSQL(query, dialect: .sqlite)
        return try await database.read { db in
            var tally = DispatchTally(query: query)
            let rows = try Row.fetchCursor(db, sql: sql.hazards.sql, arguments: sql.hazards.statementArguments)
            while let row = try rows.next() {
                tally.add(grade: row[0], source: row[1], sector: row[2], region: row[3], counts: (4..<15).map { (row[$0] as Int?) ?? 0 })
            }
            for row in try Row.fetchAll(db, sql: sql.enforcement.sql, arguments: sql.enforcement.statementArguments) {
                tally.addEnforcement(action: row[0], times: (row[1] as Int?) ?? 0, inPeriod: (row[2] as Int?) ?? 0,
                                     enterprises: (row[3] as Int?) ?? 0, enterprisesInPeriod: (row[4] as Int?) ?? 0,
                                     amount: row[5], persons: row[6])
            }
            return tally.report()
        }
    }
}
