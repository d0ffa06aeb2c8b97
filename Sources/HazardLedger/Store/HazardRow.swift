import GRDB
import HazardCore

/// Reading and writing the projection columns of the `hazard` table.
enum HazardRow {
    /// `due` of a hazard without a deadline: sorts last in the open list.
    static let noDeadline = Int(Int32.max)

    static let columns = """
        h.id, h.inspection_id, e.uscc, e.name, h.criterion, h.clause, h.title, h.evidence, h.grade, h.source, h.region, h.sector,
        h.checklist_id, h.checklist_version, h.found_on, h.status, h.plan_responsible, h.plan_measures, h.plan_funds, h.plan_deadline,
        h.plan_contingency, h.rectified_by, h.rectified_on, h.on_the_spot, h.verified_by, h.closed_on, h.supervision_authority,
        h.supervision_deadline, h.supervised_since, h.first_supervised_on, h.supervision_lifted_on, h.rejections,
        h.rectified_principal, h.rectified_shared, h.last_event_on
        """

    static func day(_ v: Int?) -> Day? { v.map(Day.init(daysSinceEpoch:)) }

    static func hazard(_ row: Row) throws -> Hazard {
        let id: Int64 = row[0]
        func corrupt(_ what: String) -> LedgerError { LedgerError(.corruptRow, "hazard \(id) has an invalid \(what)") }
        guard let uscc = USCC(rawValue: row[2]) else { throw corrupt("enterprise code") }
        guard let grade = Grade(rawValue: row[8]) else { throw corrupt("grade") }
        guard let source = InspectionKind(rawValue: row[9]) else { throw corrupt("source") }
        guard let status = HazardStatus(rawValue: row[15]) else { throw corrupt("status") }
        var state = HazardState(grade: grade, foundOn: Day(daysSinceEpoch: row[14]))
        state.status = status
        let responsible: String? = row[16], measures: String? = row[17], funds: String? = row[18], contingency: String? = row[20]
        let planDeadline: Int? = row[19]
        if responsible != nil || measures != nil || funds != nil || planDeadline != nil || contingency != nil {
            state.plan = RectificationPlan(responsible: responsible, measures: measures, funds: funds, deadline: day(planDeadline), contingency: contingency)
        }
        state.rectifiedBy = row[21]
        state.rectifiedOn = day(row[22])
        state.rectifiedOnTheSpot = row[23]
        state.verifiedBy = row[24]
        state.closedOn = day(row[25])
        if let authority: String = row[26], let since: Int = row[28] {
            state.supervision = Supervision(authority: authority, deadline: day(row[27]), since: Day(daysSinceEpoch: since))
        }
        state.firstSupervisedOn = day(row[29])
        state.supervisionLiftedOn = day(row[30])
        state.rejections = row[31]
        state.rectifiedByPrincipal = row[32]
        state.rectifiedByShared = row[33]
        state.lastEventOn = day(row[34]) ?? state.foundOn
        return Hazard(id: HazardID(id), inspection: InspectionID(row[1]), enterprise: uscc, enterpriseName: row[3],
                      criterion: CriterionID(row[4] as String), clause: row[5], title: row[6], evidence: row[7], source: source,
                      region: row[10], sector: row[11], checklist: ChecklistID(row[12] as String), checklistVersion: row[13], state: state)
    }

    static func fetch(_ db: Database, id: HazardID) throws -> Hazard {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(columns) FROM hazard h JOIN enterprise e ON e.id = h.enterprise_id WHERE h.id = ?",
                                         arguments: [id.rawValue]) else {
            throw LedgerError.unknownHazard(id)
        }
        return try hazard(row)
    }

    /// The columns `update` writes from a hazard's state, in order. `verifyChain` compares
    /// exactly these with the replay of the hazard's events, so a projection column cannot be
    /// written without being checked.
    static let projectionColumns = [
        "status", "is_open", "due", "plan_responsible", "plan_measures", "plan_funds", "plan_deadline", "plan_contingency",
        "rectified_by", "rectified_on", "on_the_spot", "verified_by", "closed_on", "supervision_authority", "supervision_deadline",
        "supervised_since", "first_supervised_on", "supervision_lifted_on", "rejections", "rectified_principal", "rectified_shared",
        "last_event_on",
    ]

    /// The values of `projectionColumns` for `s`.
    static func projection(_ s: HazardState) -> [DatabaseValue] {
        let values: [(any DatabaseValueConvertible)?] = [
            s.status.rawValue, s.status.isOpen, s.deadline?.daysSinceEpoch ?? noDeadline, s.plan?.responsible, s.plan?.measures,
            s.plan?.funds, s.plan?.deadline?.daysSinceEpoch, s.plan?.contingency, s.rectifiedBy, s.rectifiedOn?.daysSinceEpoch,
            s.rectifiedOnTheSpot, s.verifiedBy, s.closedOn?.daysSinceEpoch, s.supervision?.authority,
            s.supervision?.deadline?.daysSinceEpoch, s.supervision?.since.daysSinceEpoch, s.firstSupervisedOn?.daysSinceEpoch,
            s.supervisionLiftedOn?.daysSinceEpoch, s.rejections, s.rectifiedByPrincipal, s.rectifiedByShared, s.lastEventOn.daysSinceEpoch,
        ]
        return values.map { $0?.databaseValue ?? .null }
    }

    private static let updateSQL = "UPDATE hazard SET " + projectionColumns.map { "\($0) = ?" }.joined(separator: ", ")
        + ", last_event = ? WHERE id = ?"

    /// Writes the projection of `state` after event `seq`.
    static func update(_ db: Database, id: HazardID, state s: HazardState, lastEvent seq: Int64) throws {
        try db.execute(sql: updateSQL, arguments: StatementArguments(projection(s) + [seq.databaseValue, id.rawValue.databaseValue]))
    }
}
