import Foundation

/// The one writer of every CSV the CLI prints, made to open right in Excel and WPS:
///
/// - **UTF-8 with a byte-order mark.** Excel on Windows reads a CSV without one in the
///   system code page (GBK on a Chinese system), which garbles every Chinese character; with
///   the BOM both Excel and WPS read UTF-8. Python reads it with `encoding="utf-8-sig"`.
/// - **CRLF after every record** (RFC 4180 §2.1–2.2), as Excel writes CSV; LF inside a
///   quoted field stays a line break within the cell.
/// - **RFC 4180 quoting**: a field with a comma, a double quote, CR or LF is enclosed in
///   double quotes and its quotes doubled; other fields are written as they are.
/// - **Spreadsheet guards.** A text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a
///   leading `'` so Excel does not run free text typed by a user as a formula (OWASP, "CSV
///   injection"). A code of 12 or more digits (a 统一社会信用代码 can be all digits) is written
///   `="…"`, so Excel keeps it as text instead of showing 9.13E+17 and losing its last digits.
struct CSVWriter {
    /// One cell. Numbers and percentages are written so Excel reads them as numbers.
    enum Cell: Hashable {
        case text(String)
        /// An identifier that must stay text (codes, ids).
        case code(String)
        case integer(Int)
        case decimal(Double)
        /// A share 0–1 written as a percentage (`66.7%`); empty when nil.
        case percent(Double?)
        case empty
    }

    private(set) var records: [[Cell]] = []

    mutating func append(_ record: [Cell]) { records.append(record) }

    /// An empty line between two tables of one file.
    mutating func appendBlankLine() { records.append([]) }

    /// The whole file: BOM, then each record followed by CRLF.
    var text: String {
        var out = "\u{FEFF}"
        for record in records {
            out += record.map(Self.field).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    /// Writes the file to standard output as it is (no line end added).
    func write() {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let s):
            guard let first = s.unicodeScalars.first else { return "" }
            let guarded = "=+-@\t\r".unicodeScalars.contains(first) ? "'" + s : s
            return quoted(guarded)
        case .code(let s):
            if s.utf8.count >= 12, s.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { return quoted("=\"\(s)\"") }
            return quoted(s)
        case .integer(let n):
            return String(n)
        case .decimal(let x):
            return plainNumber(x)
        case .percent(let rate):
            guard let rate else { return "" }
            return plainNumber((rate * 1000).rounded() / 10) + "%"
        case .empty:
            return ""
        }
    }

    /// The cell as a person reads it in a text table: empty numbers show as `—`.
    static func display(_ cell: Cell) -> String {
        switch cell {
        case .text(let s), .code(let s): return s
        case .percent(nil): return "—"
        default: return field(cell)
        }
    }

    /// `3`, `3.5`: no exponent, no trailing `.0`.
    static func plainNumber(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }

    private static func quoted(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
