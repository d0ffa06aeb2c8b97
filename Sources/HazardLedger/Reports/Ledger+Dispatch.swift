import GRDB
import HazardCore

extension Ledger {
    /// Counts the dispatch form for a period. One pass over the `hazard_dispatch` covering
    /// index (grouped in index order), plus one over `enforcement_day`.
    ///
    /// - Throws: `LedgerError` (`.invalidRegion`, `.invalidInput` for an empty period); GRDB errors.
    public func dispatchReport(_ query: DispatchQuery) async throws -> DispatchReport {
        guard query.from <= query.to else {
            throw LedgerError(.invalidInput, "the period \(query.from)…\(query.to) is empty: --from must not be after --to")
        }
        if let region = query.region, region.utf8.count != 6 || !region.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            throw LedgerError(.invalidRegion, "region '\(region)' is not a 6-digit administrative region code")
        }
        let from = query.from.daysSinceEpoch, to = query.to.daysSinceEpoch
        var conditions = ["found_on <= :to"]
        var arguments: [String: (any DatabaseValueConvertible)?] = ["from": from, "to": to]
        if let region = query.region {
            let (sql, args) = RegionPrefix.condition("region", region)
            conditions.append(sql.replacingFirst("?", with: ":r0").replacingFirst("?", with: ":r1"))
            for (i, a) in args.enumerated() { arguments["r\(i)"] = a }
        }
        if let sector = query.sector { conditions.append("sector = :sector"); arguments["sector"] = sector }
        let sql = """
            SELECT grade, source, sector, region,
                COUNT(*), SUM(found_on >= :from),
                SUM(rectified_on <= :to), SUM(rectified_on >= :from AND rectified_on <= :to),
                SUM(first_supervised_on <= :to), SUM(first_supervised_on >= :from AND first_supervised_on <= :to),
                SUM(first_supervised_on <= :to AND rectified_on <= :to),
                SUM(first_supervised_on <= :to AND rectified_on >= :from AND rectified_on <= :to),
                SUM(closed_on <= :to), SUM(closed_on >= :from AND closed_on <= :to),
                SUM(due < :to AND (rectified_on IS NULL OR rectified_on > :to))
            FROM hazard INDEXED BY hazard_dispatch
            WHERE \(conditions.joined(separator: " AND "))
            GROUP BY grade, source, sector, region
            """
        var enforcementConditions = ["f.day <= ?"]
        var enforcementArguments: [(any DatabaseValueConvertible)?] = [from, from, to]
        if let region = query.region {
            let (sql, args) = RegionPrefix.condition("e.region", region)
            enforcementConditions.append(sql)
            enforcementArguments += args
        }
        if let sector = query.sector {
            enforcementConditions.append("(',' || e.sectors || ',') LIKE ?")
            enforcementArguments.append("%," + sector + ",%")
        }
        let enforcementSQL = """
            SELECT f.action, COUNT(*), SUM(f.day >= ?), COUNT(DISTINCT f.enterprise_id),
                   COUNT(DISTINCT CASE WHEN f.day >= ? THEN f.enterprise_id END), SUM(f.amount), SUM(f.persons)
            FROM enforcement f JOIN enterprise e ON e.id = f.enterprise_id
            WHERE \(enforcementConditions.joined(separator: " AND "))
            GROUP BY f.action
            """
        let hazardArguments = StatementArguments(arguments), actionArguments = StatementArguments(enforcementArguments)
        return try await database.read { db in
            var tally = DispatchTally(query: query)
            let rows = try Row.fetchCursor(db, sql: sql, arguments: hazardArguments)
            while let row = try rows.next() { tally.add(row) }
            for row in try Row.fetchAll(db, sql: enforcementSQL, arguments: actionArguments) { tally.addEnforcement(row) }
            return tally.report()
        }
    }
}
