import GRDB
import HazardCore

/// An event row read for verification. Every column is checked for the type the writer
/// stores, so an edited row (a text `day`, a NULL `actor`) becomes a finding, not a crash.
struct StoredEvent {
    var seq: Int64
    var kind: String
    var hazard: Int64?
    var inspection: Int64?
    var enterprise: Int64?
    var actor: String
    var role: String
    var at: Int64
    var day: Int
    var payload: String
    var hash: String

    static let columns = "seq, kind, hazard_id, inspection_id, enterprise_id, actor, role, at, day, payload, hash"

    /// A column whose stored value is not of the type the ledger writes.
    struct UnreadableColumn: Error {
        var column: String
        var expected: String
    }

    init(_ row: Row) throws(UnreadableColumn) {
        seq = try Self.integer(row, "seq")
        kind = try Self.text(row, "kind")
        hazard = try Self.optionalInteger(row, "hazard_id")
        inspection = try Self.optionalInteger(row, "inspection_id")
        enterprise = try Self.optionalInteger(row, "enterprise_id")
        actor = try Self.text(row, "actor")
        role = try Self.text(row, "role")
        at = try Self.integer(row, "at")
        guard let day = Int(exactly: try Self.integer(row, "day")) else { throw UnreadableColumn(column: "day", expected: "day number") }
        self.day = day
        payload = try Self.text(row, "payload")
        hash = try Self.text(row, "hash")
    }

    /// The hash this event must have after `previous`.
    func expectedHash(after previous: String) -> String {
        ChainedEvent.hash(previous: previous, seq: seq, kind: kind, hazard: hazard, inspection: inspection, enterprise: enterprise,
                          actor: actor, role: role, at: at, day: day, payload: payload)
    }

    /// The payload as a JSON object, nil when it is not one.
    var object: StoredPayload { StoredPayload(payload) }

    static func text(_ row: Row, _ column: String) throws(UnreadableColumn) -> String {
        let value: DatabaseValue = row[column]
        guard case .string(let text) = value.storage else { throw UnreadableColumn(column: column, expected: "text") }
        return text
    }

    static func integer(_ row: Row, _ column: String) throws(UnreadableColumn) -> Int64 {
        let value: DatabaseValue = row[column]
        guard case .int64(let number) = value.storage else { throw UnreadableColumn(column: column, expected: "integer") }
        return number
    }

    static func optionalInteger(_ row: Row, _ column: String) throws(UnreadableColumn) -> Int64? {
        let value: DatabaseValue = row[column]
        switch value.storage {
        case .null: return nil
        case .int64(let number): return number
        default: throw UnreadableColumn(column: column, expected: "integer or NULL")
        }
    }
}
