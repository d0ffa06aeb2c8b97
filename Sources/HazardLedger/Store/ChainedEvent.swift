public import HazardCore

/// An event row as stored: the audit trail entry with its place in the hash chain.
public struct ChainedEvent: Hashable, Sendable {
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
        // One buffer, one hash call: the hasher is in another module, where per-field generic
        // calls run unspecialised.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(previous.utf8.count + payload.utf8.count + actor.utf8.count + role.utf8.count + kind.utf8.count + 96)
        func field(_ s: String) {
            bytes.append(contentsOf: String(s.utf8.count).utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: s.utf8)
            bytes.append(UInt8(ascii: ";"))
        }
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
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bytes: $0) }
        return SHA256.hexString(hasher.finalize())
    }
}
