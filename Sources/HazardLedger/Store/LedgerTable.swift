/// The ledger's tables with their columns, in an order that satisfies foreign keys: what
/// `hazard ledger copy` moves, row by row with ids and hashes unchanged.
package enum LedgerTable: String, CaseIterable, Sendable {
    case enterprise, site, inspection, hazard, event, enforcement

    /// The key rows are read in.
    package var key: String { self == .event ? "seq" : "id" }

    package enum Kind: Sendable { case integer, real, text }

    /// Every column as both schemas declare it.
    package var columns: [(name: String, kind: Kind)] {
        switch self {
        case .enterprise: [("id", .integer), ("uscc", .text), ("name", .text), ("region", .text), ("sectors", .text)]
        case .site: [("id", .integer), ("enterprise_id", .integer), ("name", .text), ("address", .text)]
        case .inspection:
            [("id", .integer), ("enterprise_id", .integer), ("site_id", .integer), ("kind", .text), ("inspectors", .text),
             ("inspected_on", .integer), ("checklist_id", .text), ("checklist_version", .text), ("checklist_sha256", .text),
             ("sector", .text), ("evaluation", .text), ("signed_by", .text), ("signature", .text), ("recorded_at", .integer)]
        case .hazard:
            [("id", .integer), ("inspection_id", .integer), ("enterprise_id", .integer), ("criterion", .text), ("clause", .text),
             ("title", .text), ("evidence", .text), ("grade", .text), ("source", .text), ("region", .text), ("sector", .text),
             ("checklist_id", .text), ("checklist_version", .text), ("found_on", .integer), ("status", .text), ("is_open", .integer),
             ("due", .integer), ("plan_responsible", .text), ("plan_measures", .text), ("plan_funds", .text), ("plan_deadline", .integer),
             ("plan_contingency", .text), ("rectified_by", .text), ("rectified_on", .integer), ("on_the_spot", .integer),
             ("verified_by", .text), ("closed_on", .integer), ("supervision_authority", .text), ("supervision_deadline", .integer),
             ("supervised_since", .integer), ("first_supervised_on", .integer), ("supervision_lifted_on", .integer),
             ("rejections", .integer), ("last_event", .integer), ("rectified_principal", .text), ("rectified_shared", .integer),
             ("last_event_on", .integer)]
        case .event:
            [("seq", .integer), ("kind", .text), ("hazard_id", .integer), ("inspection_id", .integer), ("enterprise_id", .integer),
             ("actor", .text), ("role", .text), ("at", .integer), ("day", .integer), ("payload", .text), ("hash", .text)]
        case .enforcement:
            [("id", .integer), ("event_seq", .integer), ("enterprise_id", .integer), ("action", .text), ("day", .integer),
             ("amount", .real), ("persons", .integer), ("note", .text)]
        }
    }

    package var selectSQL: String { "SELECT \(columns.map(\.name).joined(separator: ", ")) FROM \(rawValue) ORDER BY \(key)" }

    package var insertSQL: String {
        "INSERT INTO \(rawValue) (\(columns.map(\.name).joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }
}
