import Foundation
import HazardJSON
import Testing

/// `hazard … --format json` prints each type in its one encoding, the one the RPC returns, so
/// the RPC's schemas (`rpc/schema/`) describe the CLI's JSON too.
@Suite("CLI JSON output matches rpc/schema")
struct CLISchemaTests {
    static let schemas = CLI.packageRoot.appendingPathComponent("rpc/schema")
    static let fixture = CLI.packageRoot.appendingPathComponent("Tests/HazardLedgerTests/Fixtures/ledger-before-one-encoding.sqlite")

    static func schema(_ name: String) throws -> SchemaCheck {
        SchemaCheck(root: try JSONReader.read(Data(contentsOf: schemas.appendingPathComponent(name))))
    }

    /// Runs `arguments` (exit 0 expected) and checks stdout against the schema file `name`.
    @discardableResult
    static func check(_ arguments: [String], in directory: URL? = nil, against name: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        let result = try CLI.run(arguments, in: directory, sourceLocation: sourceLocation)
        #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        let document = try JSONReader.read(result.stdout)
        #expect(try schema(name).violations(of: document) == [], "\(arguments.joined(separator: " "))", sourceLocation: sourceLocation)
        return document
    }

    @Test("evaluate --format json is a hazard.grade result")
    func evaluate() throws {
        for example in ["gas", "hazardous-chemicals", "fire-safety"] {
            let document = try Self.check(["evaluate", "examples/\(example).yaml", "--checklists", "checklists", "--format", "json"],
                                          against: "hazard.grade.result.json")
            #expect(document["inspection_date"]?.string != nil)
        }
    }

    @Test("ledger show, list, report hazards, report dispatch and verify-chain print their RPC results' encoding")
    func ledger() throws {
        try CLI.withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("ledger.sqlite").path
            try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: db)
            // A row written by this code beside the fixture's older ones.
            let record = try CLI.run(["ledger", "record", "--db", db, "--as", "张三", "--enterprise", "91320581MA1XXXXX0W",
                                      "--checklists", "checklists", "examples/gas.yaml"])
            #expect(record.status == 0, "\(record.stderr)")

            let shown = try Self.check(["ledger", "show", "--db", db, "1", "--format", "json"], against: "hazards.get.result.json")
            let events = try #require(shown["events"]?.array)
            #expect(events.count == 9)   // inspection.recorded, reported and the seven changes of hazard 1
            // Objects as objects, times as ISO 8601.
            #expect(events.allSatisfy { $0["payload"]?.members != nil })
            #expect(events.allSatisfy { $0["at"]?.string?.hasSuffix("Z") == true })
            // `--json` stays as the alias it was.
            #expect(try CLI.run(["ledger", "show", "--db", db, "1", "--json"]).stdout == CLI.run(["ledger", "show", "--db", db, "1", "--format", "json"]).stdout)

            let listed = try Self.check(["ledger", "list", "--db", db, "--all", "--format", "json"], against: "hazards.list.result.json")
            #expect(listed["hazards"]?.array?.count == 11)
            try Self.check(["report", "hazards", "--db", db, "--format", "json"], against: "hazards.list.result.json")
            try Self.check(["report", "dispatch", "--db", db, "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"],
                           against: "reports.dispatch.result.json")
            let report = try Self.check(["ledger", "verify-chain", "--db", db, "--format", "json"], against: "ledger.verify-chain.result.json")
            #expect(report["intact"] == .bool(true))
        }
    }

    @Test("the check fails a document that departs from the schema")
    func checkCanFail() throws {
        let check = try Self.schema("hazards.get.result.json")
        let camel = try JSONReader.read(#"{"hazard":{"id":1,"enterpriseName":"x"},"events":[{"seq":1,"at":1796610142064}]}"#)
        let found = check.violations(of: camel)
        #expect(found.contains { $0.contains("'enterpriseName' is not in the schema") })
        #expect(found.contains { $0.contains("$.events[0].at") })
        #expect(found.contains { $0.contains("required member 'enterprise_name'") })
    }
}
