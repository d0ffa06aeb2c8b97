import Foundation
import Testing

/// The transcription of GB 18218-2018 Table 1 that ships beside the plugin
/// (`plugins/HazardousChemicals/gb18218-table1.csv`: `no,name,alias,cas,q_t`), read
/// independently of the plugin so the tests can hold the Swift table to it.
struct GB18218Table1CSV {
    /// One row as the transcription writes it.
    struct Row: Sendable, Hashable, CustomTestStringConvertible {
        var number: Int
        var name: String
        /// Aliases: the cell split at `;` and, as row 14 writes them, at `、`.
        var aliases: [String]
        /// CAS numbers with their labels removed (`74-82-8(甲烷)` → `74-82-8`).
        var cas: [String]
        var q: Double

        var testDescription: String { "\(number) \(name)" }
    }

    /// A problem with the file, naming the line (1-based, header = line 1).
    struct FormatError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "gb18218-table1.csv:\(line): \(message)" }
    }

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HazardousChemicalsPluginTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("plugins/HazardousChemicals/gb18218-table1.csv")

    /// The rows, or an empty list when the file cannot be read; `loadedRows()` reports why, and
    /// a test checks there are 85, so an empty list never passes silently.
    static let rows: [Row] = (try? loadedRows()) ?? []

    static func loadedRows() throws -> [Row] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let records = try parse(text)
        guard records.first == ["no", "name", "alias", "cas", "q_t"] else {
            throw FormatError(line: 1, message: "unexpected header \(records.first ?? [])")
        }
        return try records.dropFirst().enumerated().map { offset, fields in
            let line = offset + 2
            guard fields.count == 5 else { throw FormatError(line: line, message: "\(fields.count) fields, want 5") }
            guard let number = Int(fields[0]) else { throw FormatError(line: line, message: "row number “\(fields[0])”") }
            guard let q = Double(fields[4]) else { throw FormatError(line: line, message: "Q “\(fields[4])”") }
            let aliases = fields[2].split(whereSeparator: { $0 == ";" || $0 == "、" }).map(String.init)
            let cas = fields[3].split(separator: ";").map { cell in
                String(cell.prefix { $0 != "(" })
            }
            return Row(number: number, name: fields[1], aliases: aliases, cas: cas, q: q)
        }
    }

    /// RFC 4180 fields: commas separate, double quotes enclose fields with commas, `""` is a
    /// quote inside them.
    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var chars = text.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    // Either the closing quote or the first of an escaped pair.
                    guard let next = chars.next() else { quoted = false; break }
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        if next == "," { fields.append(field); field = "" }
                        else if next == "\n" { fields.append(field); records.append(fields); fields = []; field = ""; line += 1 }
                        else { throw FormatError(line: line, message: "text after a closing quote") }
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                fields.append(field)
                records.append(fields)
                fields = []
                field = ""
                line += 1
            } else {
                field.append(c)
            }
        }
        if quoted { throw FormatError(line: line, message: "unterminated quote") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(fields)
        }
        return records
    }

    /// Spellings (aliases and CAS numbers, compared as written) that more than one row uses,
    /// with the row numbers that use them — found from the file, not from the plugin.
    static func sharedSpellings(in rows: [Row]) -> [String: [Int]] {
        var users: [String: [Int]] = [:]
        for row in rows {
            for spelling in Set([row.name] + row.aliases + row.cas) { users[spelling, default: []].append(row.number) }
        }
        return users.filter { $0.value.count > 1 }.mapValues { $0.sorted() }
    }
}
