import GRDB
import HazardCore

/// The projection columns of the `hazard` table: what a lifecycle event rewrites, in one order
/// for both stores and for `verifyChain`.
enum HazardRow {
    /// `due` of a hazard without a deadline: sorts last in the open list.
    static let noDeadline = Int(Int32.max)

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
    static func projectionValues(_ s: HazardState) -> [SQLValue] {
        [
            .text(s.status.rawValue), SQLValue(s.status.isOpen), SQLValue(s.deadline?.daysSinceEpoch ?? noDeadline),
            SQLValue(s.plan?.responsible), SQLValue(s.plan?.measures), SQLValue(s.plan?.funds), SQLValue(s.plan?.deadline?.daysSinceEpoch),
            SQLValue(s.plan?.contingency), SQLValue(s.rectifiedBy), SQLValue(s.rectifiedOn?.daysSinceEpoch), SQLValue(s.rectifiedOnTheSpot),
            SQLValue(s.verifiedBy), SQLValue(s.closedOn?.daysSinceEpoch), SQLValue(s.supervision?.authority),
            SQLValue(s.supervision?.deadline?.daysSinceEpoch), SQLValue(s.supervision?.since.daysSinceEpoch),
            SQLValue(s.firstSupervisedOn?.daysSinceEpoch), SQLValue(s.supervisionLiftedOn?.daysSinceEpoch), SQLValue(s.rejections),
            SQLValue(s.rectifiedByPrincipal), SQLValue(s.rectifiedByShared), SQLValue(s.lastEventOn.daysSinceEpoch),
        ]
    }

    /// The same as SQLite values, for the audit's comparisons.
    static func projection(_ s: HazardState) -> [DatabaseValue] { projectionValues(s).map(\.databaseValue) }

    /// Writes the projection of `state` after event `seq`.
    static func update(id: HazardID, state s: HazardState, lastEvent seq: Int64) -> SQLQuery {
        SQLQuery(sql: updateSQL, arguments: projectionValues(s) + [.integer(seq), .integer(id.rawValue)])
    }

    private static let updateSQL = "UPDATE hazard SET " + projectionColumns.map { "\($0) = ?" }.joined(separator: ", ")
        + ", last_event = ? WHERE id = ?"
}
