import GRDB
import HazardJSON

/// An event's canonical payload read back (by HazardJSON's reader, as every JSON the ledger
/// reads) as the column values it stands for, so each stored column can be compared with
/// what the hashed event says.
struct StoredPayload {
    private let object: JSONValue?

    init(_ payload: String) {
        guard let value = try? JSONReader.read(payload), case .object = value else {
            object = nil
            return
        }
        object = value
    }

    var isObject: Bool { object != nil }

    /// The member as a column value: text as text, JSON null as NULL, anything else as its
    /// JSON text; nil when the event does not record it (an older payload).
    func text(_ key: String) -> DatabaseValue? {
        guard let value = object?[key] else { return nil }
        switch value {
        case .null: return .null
        case .string(let text): return text.databaseValue
        default: return JSONWriter.string(value).databaseValue
        }
    }

    /// An array of strings joined with `separator`, as the writer stores it.
    func strings(_ key: String, joinedBy separator: String) -> DatabaseValue? {
        guard let value = object?[key] else { return nil }
        guard case .array(let items) = value else { return JSONWriter.string(value).databaseValue }
        return items.map { $0.string ?? JSONWriter.string($0) }.joined(separator: separator).databaseValue
    }

    /// The strings of an array member (empty when absent or not strings).
    func strings(_ key: String) -> [String] {
        object?[key]?.array?.compactMap(\.string) ?? []
    }

    /// A number member: NULL for JSON null; nil when absent.
    func number(_ key: String) -> Double?? {
        guard let value = object?[key] else { return nil }
        if value.isNull { return .some(nil) }
        return .some(value.numberValue?.double ?? .nan)
    }
}
