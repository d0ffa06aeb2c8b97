import HazardCore

/// A hazard row read by column name (the `hazard` table joined with its enterprise's code and
/// name), the same for both stores: each store hands over a `RowReading` of its own rows.
struct HazardRecord {
    /// The columns read, by their names in the schema.
    enum Column: String, CaseIterable {
        case id, inspection_id, enterprise_uscc, enterprise_name, criterion, clause, title, evidence, grade, source, region, sector
        case checklist_id, checklist_version, found_on, status, plan_responsible, plan_measures, plan_funds, plan_deadline
        case plan_contingency, rectified_by, rectified_on, on_the_spot, verified_by, closed_on, supervision_authority
        case supervision_deadline, supervised_since, first_supervised_on, supervision_lifted_on, rejections
        case rectified_principal, rectified_shared, last_event_on
    }

    let hazard: Hazard

    init(_ row: some RowReading) throws {
        func text(_ c: Column) throws -> String? { try row.text(c.rawValue) }
        func int(_ c: Column) throws -> Int64? { try row.integer(c.rawValue) }
        func day(_ c: Column) throws -> Day? { try int(c).map { Day(daysSinceEpoch: Int($0)) } }
        let id = try int(.id) ?? 0
        func corrupt(_ what: String) -> LedgerError { LedgerError(.corruptRow, "hazard \(id) has an invalid \(what)") }
        func required(_ c: Column) throws -> String {
            guard let value = try text(c) else { throw corrupt(c.rawValue) }
            return value
        }
        guard let uscc = try text(.enterprise_uscc).flatMap(USCC.init(rawValue:)) else { throw corrupt("enterprise code") }
        guard let grade = try text(.grade).flatMap(Grade.init(rawValue:)) else { throw corrupt("grade") }
        guard let source = try text(.source).flatMap(InspectionKind.init(rawValue:)) else { throw corrupt("source") }
        guard let status = try text(.status).flatMap(HazardStatus.init(rawValue:)) else { throw corrupt("status") }
        guard let foundOn = try day(.found_on), let inspection = try int(.inspection_id) else { throw corrupt("found_on or inspection_id") }
        var state = HazardState(grade: grade, foundOn: foundOn)
        state.status = status
        let responsible = try text(.plan_responsible), measures = try text(.plan_measures), funds = try text(.plan_funds)
        let contingency = try text(.plan_contingency), planDeadline = try day(.plan_deadline)
        if responsible != nil || measures != nil || funds != nil || planDeadline != nil || contingency != nil {
            state.plan = RectificationPlan(responsible: responsible, measures: measures, funds: funds, deadline: planDeadline, contingency: contingency)
        }
        state.rectifiedBy = try text(.rectified_by)
        state.rectifiedOn = try day(.rectified_on)
        state.rectifiedOnTheSpot = try int(.on_the_spot) ?? 0 != 0
        state.verifiedBy = try text(.verified_by)
        state.closedOn = try day(.closed_on)
        if let authority = try text(.supervision_authority), let since = try day(.supervised_since) {
            state.supervision = Supervision(authority: authority, deadline: try day(.supervision_deadline), since: since)
        }
        state.firstSupervisedOn = try day(.first_supervised_on)
        state.supervisionLiftedOn = try day(.supervision_lifted_on)
        state.rejections = Int(try int(.rejections) ?? 0)
        state.rectifiedByPrincipal = try text(.rectified_principal)
        state.rectifiedByShared = try int(.rectified_shared) ?? 0 != 0
        state.lastEventOn = try day(.last_event_on) ?? state.foundOn
        hazard = Hazard(id: HazardID(id), inspection: InspectionID(inspection), enterprise: uscc, enterpriseName: try required(.enterprise_name),
                        criterion: CriterionID(try required(.criterion)), clause: try required(.clause), title: try required(.title),
                        evidence: try required(.evidence), source: source, region: try required(.region), sector: try required(.sector),
                        checklist: ChecklistID(try required(.checklist_id)), checklistVersion: try required(.checklist_version), state: state)
    }
}

/// A result row read by column name: text or integer, nil for NULL.
protocol RowReading {
    func text(_ column: String) throws -> String?
    func integer(_ column: String) throws -> Int64?
}
