import HazardCore
public import HazardJSON

extension ChainedEvent {
    /// An event's one wire encoding: `at` as ISO 8601 UTC with milliseconds, `day` as
    /// `YYYY-MM-DD`, and the payload as the object it is (its stored text, which the chain
    /// hashes, is `payload`; a payload that is not JSON is given as a string).
    public var jsonValue: JSONValue {
        var m: [JSONMember] = [
            JSONMember(key: "seq", value: .number(Int(seq))),
            JSONMember(key: "kind", value: .string(kind)),
        ]
        if let hazard { m.append(JSONMember(key: "hazard", value: .number(Int(hazard.rawValue)))) }
        if let inspection { m.append(JSONMember(key: "inspection", value: .number(Int(inspection.rawValue)))) }
        m.append(JSONMember(key: "actor", value: .object(["name": .string(actor.name), "role": .string(actor.role)])))
        m.append(JSONMember(key: "at", value: .string(at.description)))
        m.append(JSONMember(key: "day", value: .string(day.description)))
        // The payload is canonical JSON text; embed it as JSON when it parses.
        m.append(JSONMember(key: "payload", value: (try? JSONReader.read(payload)) ?? .string(payload)))
        m.append(JSONMember(key: "hash", value: .string(hash)))
        return .object(m)
    }
}
