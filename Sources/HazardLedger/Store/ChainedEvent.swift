public import HazardCore

/// An event row as stored: the audit trail entry with its place in the hash chain.
public struct ChainedEvent: Hashable, Sendable, Codable {
    public var seq: Int64
    public var kind: String
    public var hazard: HazardID?
    public var inspection: InspectionID?
    public var enterpriseID: Int64?
    public var actor: Person
    public var at: Timestamp
    public var day: Day
    /// Canonical JSON of what the event carries.
    public var payload: String
    /// SHA-256 hex over the previous event's hash and this event's content.
    public var hash: String

    /// The hash this event must have after `previous` (empty for the first event):
    /// SHA-256 of the previous hash and every field, each length-prefixed so no two
    /// different events share an encoding.
    public static func hash(previous: String, seq: Int64, kind: String, hazard: Int64?, inspection: Int64?, enterprise: Int64?,
                            actor: String, role: String, at: Int64, day: Int, payload: String) -> String {
        var text = ""
        text.reserveCapacity(previous.utf8.count + payload.utf8.count + actor.utf8.count + 128)
        func field(_ s: String) { text += String(s.utf8.count); text += ":"; text += s; text += ";" }
        field(previous)
        field(String(seq))
        field(kind)
        field(hazard.map(String.init) ?? "")
        field(inspection.map(String.init) ?? "")
        field(enterprise.map(String.init) ?? "")
        field(actor)
        field(role)
        field(String(at))
        field(String(day))
        field(payload)
        return SHA256.hex(text)
    }
}
