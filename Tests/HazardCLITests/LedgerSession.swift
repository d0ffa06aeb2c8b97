import Foundation
import Testing

/// A temporary ledger with the shipped gas example recorded in it, as README's "Using it"
/// does it, for CLI tests that read what the ledger commands print.
struct LedgerSession {
    /// Valid per GB 32100 (check character computed); the second is all digits, as many real
    /// codes are, which Excel would mangle into 9.13E+17.
    static let uscc = "91320581MA1XXXXX0W"
    static let digitsUSCC = "913205810000000017"
    /// The example's inspection date (`examples/gas.yaml`).
    static let found = "2026-03-18"

    let directory: URL
    var db: String { directory.appendingPathComponent("hazard.sqlite").path }

    /// Runs `hazard ledger|report … --db <this ledger>`; `args[0...1]` name the command.
    func run(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> CLI.Result {
        try CLI.run(Array(args.prefix(2)) + ["--db", db] + Array(args.dropFirst(2)), sourceLocation: sourceLocation)
    }

    /// Runs and expects exit 0, returning stdout.
    func ok(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(args, sourceLocation: sourceLocation)
        #expect(result.status == 0, "hazard \(args.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// A fresh ledger in a temporary folder with the gas example recorded for `name`.
    static func with<T>(enterpriseName name: String = "苏州示例燃气有限公司", uscc: String = uscc,
                        _ body: (LedgerSession) throws -> T) throws -> T {
        try CLI.withTemporaryDirectory { dir in
            let session = LedgerSession(directory: dir)
            _ = try session.ok(["ledger", "record", "--as", "张三", "--enterprise", uscc, "--name", name, "--region", "320581",
                                "examples/gas.yaml"])
            return try body(session)
        }
    }

    /// The file as Python's csv module reads it (`utf-8-sig`, `newline=""`), and whether
    /// `csv.writer` with CRLF and a BOM writes those rows back to the same bytes.
    static func pythonRoundTrip(_ csv: String) throws -> (rows: [[String]], identical: Bool) {
        try CLI.withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("out.csv")
            try Data(csv.utf8).write(to: file)
            let script = """
                import csv, io, json, sys
                raw = open(sys.argv[1], "rb").read()
                rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
                out = io.StringIO(newline="")
                csv.writer(out, lineterminator="\\r\\n").writerows(rows)
                again = "\\ufeff".encode("utf-8") + out.getvalue().encode("utf-8")
                print(json.dumps({"rows": rows, "identical": again == raw}))
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, file.path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "python3 could not read the CSV")
            struct Answer: Decodable { var rows: [[String]]; var identical: Bool }
            let answer = try JSONDecoder().decode(Answer.self, from: data)
            return (answer.rows, answer.identical)
        }
    }

    /// Display width as a terminal shows it: CJK and full-width characters take two cells.
    static func cells(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && ($1.value <= 0x115F || (0x2E80...0xFFDC).contains($1.value)) ? 2 : 1) }
    }
}
