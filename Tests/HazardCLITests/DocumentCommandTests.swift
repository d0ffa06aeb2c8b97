import Foundation
import Testing

/// `hazard ledger document` and `hazard evaluate --format html`, run as a user runs them on a
/// ledger built with the CLI: register, record the shipped gas example, plan, rectify, verify.
@Suite("hazard ledger document, run as a user runs it")
struct DocumentCommandTests {
    static let uscc = "91350100M000100Y43"
    static let name = "示例市安达 <b>液化气</b> & 储配站"

    /// A temporary ledger with the gas example recorded and its first hazard verified; returns
    /// the inspection id and hazard ids.
    static func withLedger(_ body: (_ db: String, _ inspection: String, _ hazards: [String]) throws -> Void) throws {
        try CLI.withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("ledger.sqlite").path
            func hazard(_ args: [String], as who: String = "张三") throws -> CLI.Result {
                let result = try CLI.run(["ledger"] + args + ["--db", db, "--as", who])
                #expect(result.status == 0, "\(args): \(result.stderr)")
                return result
            }
            _ = try hazard(["enterprise", uscc, "--name", name, "--region", "350102", "--site", "储配站"])
            let recorded = try hazard(["record", "--checklist", "urban-gas-2023", "--enterprise", uscc, "--site", "储配站",
                                       "--inspector", "张三", "--inspector", "李四", "--checklists", "checklists", "examples/gas.yaml"])
            // "inspection 1: 0 major, 2 general hazard(s) recorded as #1 #2"
            let words = recorded.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
            let inspection = try #require(words.dropFirst().first?.trimmingCharacters(in: CharacterSet(charactersIn: ":")))
            let hazards = words.filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
            try #require(!hazards.isEmpty, "the gas example finds hazards: \(recorded.stdout)")
            _ = try hazard(["plan", hazards[0], "--responsible", "王五", "--measures", "接入高限报警", "--funds", "2万元",
                            "--deadline", "2026-04-15", "--contingency", "停用2#储罐", "--on", "2026-03-19"], as: "王五")
            _ = try hazard(["rectify", hazards[0], "--on", "2026-04-10", "--note", "报警已接入控制室"], as: "王五")
            _ = try hazard(["verify", hazards[0], "--on", "2026-04-12", "--note", "现场复核合格"], as: "李四")
            try body(db, inspection, hazards)
        }
    }

    @Test("each kind prints HTML holding the enterprise, escaped, and the document's number", arguments: ["record", "notice", "review"])
    func eachKind(kind: String) throws {
        try Self.withLedger { db, inspection, hazards in
            let result = try CLI.run(["ledger", "document", inspection, "--kind", kind, "--db", db])
            #expect(result.status == 0, "\(result.stderr)")
            let html = result.stdout
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("示例市安达 &lt;b&gt;液化气&lt;/b&gt; &amp; 储配站"))
            #expect(!html.contains("<b>液化气"))
            #expect(html.contains("〔2026〕\(inspection)"))
            for id in kind == "review" ? [hazards[0]] : hazards { #expect(html.contains("隐患 #\(id)")) }
        }
    }

    @Test("the review's hash is the verifying event's, and verify-chain --head names that event")
    func reviewHashChecks() throws {
        try Self.withLedger { db, inspection, hazards in
            let show = try CLI.run(["ledger", "show", hazards[0], "--json", "--db", db])
            #expect(show.status == 0, "\(show.stderr)")
            let detail = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
            let events = try #require(detail["events"] as? [[String: Any]])
            let verified = try #require(events.last { $0["kind"] as? String == "verified" })
            let seq = try #require(verified["seq"] as? Int), hash = try #require(verified["hash"] as? String)
            let review = try CLI.run(["ledger", "document", inspection, "--kind", "review", "--db", db])
            #expect(review.stdout.contains("hazard ledger verify-chain --head \(seq):\(hash)"))
            let check = try CLI.run(["ledger", "verify-chain", "--head", "\(seq):\(hash)", "--db", db])
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.contains("event \(seq) has hash \(hash) as given"))
            // A hash misread from paper does not pass.
            let wrong = String(hash.dropLast()) + (hash.hasSuffix("0") ? "1" : "0")
            let mismatch = try CLI.run(["ledger", "verify-chain", "--head", "\(seq):\(wrong)", "--db", db])
            #expect(mismatch.status == 1)
            #expect(mismatch.stderr.contains("headMismatch"))
        }
    }

    @Test("--output writes the HTML to a file and says so on stderr")
    func outputFile() throws {
        try Self.withLedger { db, inspection, _ in
            let file = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("notice.html").path
            let result = try CLI.run(["ledger", "document", inspection, "--kind", "notice", "--output", file, "--db", db])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("wrote \(file)"))
            #expect(try String(contentsOfFile: file, encoding: .utf8).contains("隐患整改通知书"))
        }
    }

    @Test("an unknown inspection and a review before any verification are errors, exit 1")
    func errors() throws {
        try CLI.withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("ledger.sqlite").path
            _ = try CLI.run(["ledger", "enterprise", Self.uscc, "--name", "甲", "--region", "350102", "--db", db, "--as", "张三"])
            let unknown = try CLI.run(["ledger", "document", "42", "--kind", "record", "--db", db])
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("no inspection 42 in the ledger"))
            let recorded = try CLI.run(["ledger", "record", "--checklist", "urban-gas-2023", "--enterprise", Self.uscc, "--checklists", "checklists",
                                        "--db", db, "--as", "张三", "examples/gas.yaml"])
            #expect(recorded.status == 0, "\(recorded.stderr)")
            let review = try CLI.run(["ledger", "document", "1", "--kind", "review", "--db", db])
            #expect(review.status == 1)
            #expect(review.stderr.contains("[nothingToDocument]"))
            let badKind = try CLI.run(["ledger", "document", "1", "--kind", "letter", "--db", db])
            #expect(badKind.status != 0)
            #expect(badKind.stderr.contains("record"))
        }
    }

    @Test("--pdf without a browser on PATH says to apt-get install chromium")
    func pdfWithoutBrowser() throws {
        try CLI.withTemporaryDirectory { dir in
            let result = try CLI.run(["evaluate", "examples/gas.yaml", "--checklists", "checklists", "--format", "html",
                                      "--pdf", dir.appendingPathComponent("r.pdf").path],
                                     environment: ["PATH": dir.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("apt-get install chromium"))
        }
    }
}

@Suite("hazard evaluate --format html")
struct EvaluateHTMLTests {
    @Test("prints the inspection record with every finding of the evaluation")
    func everyFinding() throws {
        let html = try CLI.run(["evaluate", "examples/gas.yaml", "--checklists", "checklists", "--format", "html"])
        #expect(html.status == 0, "\(html.stderr)")
        let json = try CLI.run(["evaluate", "examples/gas.yaml", "--checklists", "checklists", "--format", "json"])
        let evaluation = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(evaluation["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for finding in findings {
            let criterion = try #require(finding["criterion"] as? String)
            #expect(html.stdout.contains("data-criterion=\"\(criterion)\""), "missing \(criterion)")
        }
        #expect(html.stdout.contains("现场检查记录"))
        #expect(html.stdout.contains("（未入台账）"))
    }
}
