public import HazardJSON

/// Limits on what `inspection.record` stores. Answers are kept in the ledger and come back in
/// every hazard they raise (`evidence`) and in `hazards.list`: a few inspections of ~1 MB of
/// text each once asked `hazards.list` for a 4 GB answer. Checked on the params before
/// anything is graded or written.
public enum RPCRecordLimits {
    /// The most UTF-8 bytes in one string (an answer, a name, a signature).
    public static let maximumStringBytes = 8 << 10
    /// The most UTF-8 bytes of all the strings of one inspection together.
    public static let maximumTotalStringBytes = 64 << 10
    /// The most entries in one list (a list answer, `inspectors`).
    public static let maximumListEntries = 256

    /// - Throws: `RPCError.limitExceeded` (-32014) naming the first field past a limit.
    public static func check(_ params: JSONValue) throws(RPCError) {
        var total = 0
        try walk(params, path: [], total: &total)
    }

    private static func walk(_ value: JSONValue, path: [String], total: inout Int) throws(RPCError) {
        switch value {
        case .string(let text):
            let bytes = text.utf8.count
            guard bytes <= maximumStringBytes else {
                throw .limitExceeded("\(name(path)) holds \(bytes) bytes of text; at most \(maximumStringBytes)",
                                     field: name(path), limit: maximumStringBytes)
            }
            total += bytes
            guard total <= maximumTotalStringBytes else {
                throw .limitExceeded("the inspection holds more than \(maximumTotalStringBytes) bytes of text",
                                     field: name(path), limit: maximumTotalStringBytes)
            }
        case .array(let items):
            guard items.count <= maximumListEntries else {
                throw .limitExceeded("\(name(path)) has \(items.count) entries; at most \(maximumListEntries)",
                                     field: name(path), limit: maximumListEntries)
            }
            for (index, item) in items.enumerated() {
                var inner = path
                inner.append("[\(index)]")
                try walk(item, path: inner, total: &total)
            }
        case .object(let members):
            for member in members {
                // Member names are stored too, so they count as text.
                total += member.key.utf8.count
                var inner = path
                inner.append((path.isEmpty ? "" : ".") + member.key)
                try walk(member.value, path: inner, total: &total)
            }
        case .null, .bool, .number:
            return
        }
    }

    private static func name(_ path: [String]) -> String { path.isEmpty ? "params" : path.joined() }
}
