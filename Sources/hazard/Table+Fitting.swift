/// Text tables that fit a terminal: long cells elided with `…`, by display width (`Table.cells`).
extension Table {
    /// The rows laid out as `Table.render` does, with the columns in `elastic` narrowed (the
    /// widest first, down to `minimum` cells) until every line fits `width` cells; cells cut
    /// short end in `…`. Columns not in `elastic` are never cut.
    static func render(_ rows: [[String]], fitting width: Int, elastic: Set<Int>, minimum: Int = 8) -> [String] {
        guard let columns = rows.map(\.count).max(), columns > 0 else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cells(cell)) } }
        // Two spaces between columns; the last column is not padded.
        func total() -> Int { widths.reduce(0, +) + 2 * (columns - 1) }
        while total() > width {
            let candidates = elastic.filter { $0 < columns && widths[$0] > minimum }
            guard let widest = candidates.max(by: { (widths[$0], -$0) < (widths[$1], -$1) }) else { break }  // ties: leftmost
            widths[widest] -= 1
        }
        let fitted = rows.map { row in row.enumerated().map { i, cell in elastic.contains(i) ? elided(cell, toCells: widths[i]) : cell } }
        return trimmedRender(fitted)
    }

    /// `render`, without the padding that trails a line whose last cells are empty.
    static func trimmedRender(_ rows: [[String]]) -> [String] {
        render(rows).map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
    }

    /// `text` if it fits `limit` display cells, else its longest prefix that fits with `…`.
    static func elided(_ text: String, toCells limit: Int) -> String {
        guard cells(text) > limit else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = cells(String(character))
            if used + w > limit - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}
