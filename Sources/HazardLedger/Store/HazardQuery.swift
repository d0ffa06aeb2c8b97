import HazardCore

/// The hazard list query for a filter, written once for both stores: the rows come back with
/// the columns `HazardRecord` names.
enum HazardQuery {
    /// The selected columns: every hazard column plus the enterprise's code and name.
    static let columns = "h.*, e.uscc AS enterprise_uscc, e.name AS enterprise_name"
    static let from = "hazard h JOIN enterprise e ON e.id = h.enterprise_id"

    /// - Throws: `LedgerError` `.invalidRegion` for a region that is not six digits.
    static func list(_ filter: HazardFilter) throws(LedgerError) -> SQLQuery {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if filter.openOnly { conditions.append("h.is_open = 1") }
        if let statuses = filter.statuses, !statuses.isEmpty {
            conditions.append("h.status IN (\(statuses.map { _ in "?" }.joined(separator: ",")))")
            arguments += statuses.map { .text($0.rawValue) }
        }
        if let grade = filter.grade { conditions.append("h.grade = ?"); arguments.append(.text(grade.rawValue)) }
        if let source = filter.source { conditions.append("h.source = ?"); arguments.append(.text(source.rawValue)) }
        if let region = filter.region {
            let (sql, args) = RegionScope.condition("h.region", [try RegionCode(region)])
            conditions.append(sql)
            arguments += args.map(SQLValue.text)
        }
        if let scope = filter.scopeRegions {
            let (sql, args) = RegionScope.condition("h.region", scope)
            conditions.append(sql)
            arguments += args.map(SQLValue.text)
        }
        if let sector = filter.sector { conditions.append("h.sector = ?"); arguments.append(.text(sector)) }
        if let scope = filter.scopeSectors {
            if scope.isEmpty {
                conditions.append("1 = 0")
            } else {
                conditions.append("h.sector IN (\(scope.map { _ in "?" }.joined(separator: ",")))")
                arguments += scope.sorted().map(SQLValue.text)
            }
        }
        if let uscc = filter.enterprise { conditions.append("e.uscc = ?"); arguments.append(.text(uscc.rawValue)) }
        if let day = filter.overdueAsOf {
            conditions.append("h.due < ? AND h.status IN ('reported', 'rectifying')")
            arguments.append(.integer(Int64(day.daysSinceEpoch)))
        }
        if filter.supervisedOnly { conditions.append("h.supervision_authority IS NOT NULL") }
        if let checklist = filter.checklist { conditions.append("h.checklist_id = ?"); arguments.append(.text(checklist.rawValue)) }
        if let version = filter.checklistVersionOtherThan { conditions.append("h.checklist_version <> ?"); arguments.append(.text(version)) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let order = filter.openOnly ? "h.due, h.id" : "h.id"
        arguments.append(.integer(Int64(max(0, filter.limit))))
        arguments.append(.integer(Int64(max(0, filter.offset))))
        return SQLQuery(sql: "SELECT \(columns) FROM \(from) \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?", arguments: arguments)
    }

    /// One hazard by id.
    static func one(_ id: HazardID) -> SQLQuery {
        SQLQuery(sql: "SELECT \(columns) FROM \(from) WHERE h.id = ?", arguments: [.integer(id.rawValue)])
    }
}
