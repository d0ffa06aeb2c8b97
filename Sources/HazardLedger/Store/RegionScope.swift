/// A region filter as SQL over a column, written once for both stores: each code an equality or
/// an index range, several ORed, nested ones dropped so no row matches twice. Placeholders are
/// `?`; the PostgreSQL store numbers them.
enum RegionScope {
    static func condition(_ column: String, _ codes: [RegionCode]) -> (sql: String, arguments: [String]) {
        var parts: [String] = []
        var arguments: [String] = []
        for code in RegionCode.outermost(codes) {
            if let range = code.storedRange {
                parts.append("(\(column) >= ? AND \(column) < ?)")
                arguments += [range.low, range.high]
            } else {
                parts.append("\(column) = ?")
                arguments.append(code.rawValue)
            }
        }
        if parts.isEmpty { return ("1 = 0", []) }
        return (parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")", arguments)
    }
}
