import Foundation
import GRDB

/// An event's canonical payload read back as the column values it stands for, so each stored
/// column can be compared with what the hashed event says.
struct StoredPayload {
    private let object: [String: Any]?

    init(_ payload: String) {
        object = (try? JSONSerialization.jsonObject(with: Data(payload.utf8))) as? [String: Any]
    }

    var isObject: Bool { object != nil }

    /// The member as a column value: text as text, JSON null as NULL; nil when the event does
    /// not record it (an older payload).
    func text(_ key: String) -> DatabaseValue? {
        guard let value = object?[key] else { return nil }
        if value is NSNull { return .null }
        if let text = value as? String { return text.databaseValue }
        return String(describing: value).databaseValue
    }

    /// An array of strings joined with `separator`, as the writer stores it.
    func strings(_ key: String, joinedBy separator: String) -> DatabaseValue? {
        guard let value = object?[key] else { return nil }
        guard let array = value as? [Any] else { return String(describing: value).databaseValue }
        return array.map { ($0 as? String) ?? String(describing: $0) }.joined(separator: separator).databaseValue
    }

    /// The strings of an array member (empty when absent or not strings).
    func strings(_ key: String) -> [String] {
        (object?[key] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// A number member: NULL for JSON null; nil when absent.
    func number(_ key: String) -> Double?? {
        guard let value = object?[key] else { return nil }
        if value is NSNull { return .some(nil) }
        return .some((value as? NSNumber)?.doubleValue ?? .nan)
    }
}
