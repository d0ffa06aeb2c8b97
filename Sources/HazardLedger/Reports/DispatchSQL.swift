import HazardCore

/// The dispatch report's two queries for a validated `DispatchQuery`, written once for both
/// stores; only how a condition is counted differs (SQLite sums a comparison, PostgreSQL
/// counts with a FILTER) and SQLite names its covering index.
struct DispatchSQL {
    enum Dialect { case sqlite, postgres }

    let hazards: SQLQuery
    let enforcement: SQLQuery

    init(_ query: DispatchQuery, dialect: Dialect) throws(LedgerError) {
        let from = SQLValue.integer(Int64(query.from.daysSinceEpoch)), to = SQLValue.integer(Int64(query.to.daysSinceEpoch))
        var arguments: [SQLValue] = []
        // Each condition with its arguments in the order its `?` appear.
        func count(_ condition: String, _ values: [SQLValue]) -> String {
            arguments += values
            return dialect == .sqlite ? "SUM(\(condition))" : "COUNT(*) FILTER (WHERE \(condition))"
        }
        let counts = [
            "COUNT(*)", count("found_on >= ?", [from]),
            count("rectified_on <= ?", [to]), count("rectified_on >= ? AND rectified_on <= ?", [from, to]),
            count("first_supervised_on <= ?", [to]), count("first_supervised_on >= ? AND first_supervised_on <= ?", [from, to]),
            count("first_supervised_on <= ? AND rectified_on <= ?", [to, to]),
            count("first_supervised_on <= ? AND rectified_on >= ? AND rectified_on <= ?", [to, from, to]),
            count("closed_on <= ?", [to]), count("closed_on >= ? AND closed_on <= ?", [from, to]),
            count("due < ? AND (rectified_on IS NULL OR rectified_on > ?)", [to, to]),
        ]
        var conditions = ["found_on <= ?"]
        arguments.append(to)
        if let region = query.region {
            let (sql, args) = RegionScope.condition("region", [try RegionCode(region)])
            conditions.append(sql)
            arguments += args.map(SQLValue.text)
        }
        if let sector = query.sector { conditions.append("sector = ?"); arguments.append(.text(sector)) }
        hazards = SQLQuery(sql: """
            SELECT grade, source, sector, region, \(counts.joined(separator: ", "))
            FROM hazard\(dialect == .sqlite ? " INDEXED BY hazard_dispatch" : "")
            WHERE \(conditions.joined(separator: " AND "))
            GROUP BY grade, source, sector, region
            """, arguments: arguments)

        var enforcementConditions = ["f.day <= ?"]
        var enforcementArguments: [SQLValue] = [from, from, to]
        if let region = query.region {
            let (sql, args) = RegionScope.condition("e.region", [try RegionCode(region)])
            enforcementConditions.append(sql)
            enforcementArguments += args.map(SQLValue.text)
        }
        if let sector = query.sector {
            enforcementConditions.append("(',' || e.sectors || ',') LIKE ?")
            enforcementArguments.append(.text("%," + sector + ",%"))
        }
        let inPeriod = dialect == .sqlite ? "SUM(f.day >= ?)" : "COUNT(*) FILTER (WHERE f.day >= ?)"
        // PostgreSQL sums a BIGINT to NUMERIC; back to the types the tally reads.
        let sums = dialect == .sqlite ? "SUM(f.amount), SUM(f.persons)" : "SUM(f.amount)::float8, SUM(f.persons)::bigint"
        enforcement = SQLQuery(sql: """
            SELECT f.action, COUNT(*), \(inPeriod), COUNT(DISTINCT f.enterprise_id),
                   COUNT(DISTINCT CASE WHEN f.day >= ? THEN f.enterprise_id END), \(sums)
            FROM enforcement f JOIN enterprise e ON e.id = f.enterprise_id
            WHERE \(enforcementConditions.joined(separator: " AND "))
            GROUP BY f.action
            """, arguments: enforcementArguments)
    }
}
