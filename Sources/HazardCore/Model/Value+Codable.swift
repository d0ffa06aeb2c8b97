/// Values encode as plain JSON: booleans, numbers, strings, dates as `YYYY-MM-DD`, lists
/// as arrays of objects. Decoding cannot tell a date from text, so dates come back as
/// strings; answers are typed against their questions, not decoded this way.
extension Value: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? container.decode(Double.self) {
            self = .number(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else {
            let rows = try container.decode([[String: Value]].self)
            self = .list(rows.map(Record.init))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let b): try container.encode(b)
        case .number(let n): try container.encode(n)
        case .string(let s): try container.encode(s)
        case .date(let d): try container.encode(d.description)
        case .list(let records): try container.encode(records.map(\.fields))
        }
    }
}
