import Foundation
import Testing

@Suite("hazard evaluate's report reads as an official needs it")
struct TextReportTests {
    @Test("a finding line says whether the hazard is there; nothing prints as 符合")
    func statusLabels() throws {
        let result = try CLI.run(["evaluate", "examples/gas.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[未发现隐患] GS-4.1 第四条第（一）项 未取得燃气经营许可证从事燃气经营活动"))
        #expect(result.stdout.contains("[重大事故隐患] GS-5.4 第五条第（四）项"))
        #expect(result.stdout.contains("[不适用] GS-6.1"))
        #expect(!result.stdout.contains("[符合]"))
        #expect(result.stdout.contains("合计 22 项: 重大事故隐患 3 · 一般事故隐患 0 · 未发现隐患 14 · 不适用 5 · 未作答 0（其中需人工判定 1 项）"))
    }

    @Test("the rating is printed with its colour and its risk name")
    func rating() throws {
        let result = try CLI.run(["evaluate", "examples/gas.yaml"])
        #expect(result.stdout.contains("评级 红色（重大风险）"))
        #expect(!result.stdout.contains("评级 red"))
    }

    @Test("an empty, undated form reads 未评级 and warns that no date was given, never 蓝色（低风险）")
    func emptyUndatedForm() throws {
        try CLI.withTemporaryDirectory { dir in
            let file = dir.appendingPathComponent("empty.yaml")
            try "checklist: urban-gas-2023\nanswers: {}\n".write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["evaluate", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("⚠ 警告: 未给出检查日期"))
            #expect(result.stdout.contains("评级 未评级（尚无已判定的检查项）"))
            #expect(!result.stdout.contains("蓝色") && !result.stdout.contains("评级为暂定"))
            let json = try CLI.run(["evaluate", file.path, "--format", "json"])
            #expect(json.stdout.contains(#""level": "unrated""#) && json.stdout.contains("[no_inspection_date]"))
        }
    }

    @Test("GS-5.4 names the device with epl: none, numbered as the inspector listed it")
    func matchedRecord() throws {
        let result = try CLI.run(["evaluate", "examples/gas.yaml"])
        #expect(result.stdout.contains("(ex_area_devices) = 共 4 条记录"))
        #expect(result.stdout.contains("    记录 ex_area_devices: 第3条 {device: 灌装间排风机接线盒, epl: none, zone: zone_1}（条件成立）"))
    }

    @Test("the records are in the JSON evaluation too")
    func matchedRecordJSON() throws {
        let result = try CLI.run(["evaluate", "examples/gas.yaml", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let finding = try #require(findings.first { $0["criterion"] as? String == "GS-5.4" })
        let evidence = try #require((finding["evidence"] as? [[String: Any]])?.first { $0["name"] as? String == "ex_area_devices" })
        let rows = try #require(evidence["matched_rows"] as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows.first?["index"] as? Int == 2)
        #expect(rows.first?["outcome"] as? String == "matched")
        #expect((rows.first?["record"] as? [String: String]) == ["device": "灌装间排风机接线盒", "epl": "none", "zone": "zone_1"])
    }

    @Test("warnings are Chinese in the report and keep their English code in JSON")
    func warnings() throws {
        let text = try CLI.run(["evaluate", "examples/hazardous-chemicals.yaml", "--date", "2026-10-01"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("⚠ 警告: 检查日期 2026-10-01 晚于 安监总管三〔2017〕121号 的最后施行日 2026-09-29：现行标准为 AQ 3067—2026"))
        #expect(!text.stdout.contains("inspection date"))
        let json = try CLI.run(["evaluate", "examples/hazardous-chemicals.yaml", "--date", "2026-10-01", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let warning = try #require((object["warnings"] as? [String])?.first)
        #expect(warning.hasPrefix("inspection date 2026-10-01 is after 2026-09-29"))
        #expect(warning.hasSuffix(" [standard_replaced_not_encoded]"))
    }
}

@Suite("hazard evaluate's command line")
struct EvaluateArgumentTests {
    @Test("several answers files are graded each, in order")
    func severalFiles() throws {
        let result = try CLI.run(["evaluate", "examples/gas.yaml", "examples/mining.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        let gas = try #require(result.stdout.range(of: "════ examples/gas.yaml ════"))
        let mining = try #require(result.stdout.range(of: "════ examples/mining.yaml ════"))
        #expect(gas.lowerBound < mining.lowerBound)
        #expect(result.stdout.components(separatedBy: "评级 ").count == 3)
        let json = try CLI.run(["evaluate", "examples/gas.yaml", "examples/mining.yaml", "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.compactMap { ($0["checklist"] as? [String: Any])?["id"] as? String } == ["urban-gas-2023", "coal-2026"])
    }

    @Test("a file that fails does not stop the others; the exit status says one failed")
    func oneFails() throws {
        try CLI.withTemporaryDirectory { dir in
            let bad = dir.appendingPathComponent("bad.yaml")
            try "checklist: urban-gas-2023\nanswers: {operates_stations: 3}\n".write(to: bad, atomically: true, encoding: .utf8)
            let result = try CLI.run(["evaluate", bad.path, "examples/gas.yaml"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("bad.yaml:2:"))
            #expect(result.stdout.contains("════ examples/gas.yaml ════"))
            #expect(result.stdout.contains("评级 红色（重大风险）"))
        }
    }

    @Test("--date 2026-02-30 is refused as a date that does not exist, with evaluate's usage")
    func notACalendarDate() throws {
        let result = try CLI.run(["evaluate", "examples/gas.yaml", "--date", "2026-02-30"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: --date 2026-02-30 is not a calendar date: 2026-02 has 28 days"))
        #expect(result.stderr.contains("Usage: hazard evaluate "))
        let shape = try CLI.run(["evaluate", "examples/gas.yaml", "--date", "2026-2-3"])
        #expect(shape.stderr.contains("Error: --date must be a date written YYYY-MM-DD, not '2026-2-3'"))
    }

    @Test("ledger dates are read the same way", arguments: [["ledger", "plan", "1", "--as", "张三", "--deadline", "2026-04-31"],
                                                            ["report", "hazards", "--as-of", "2026-13-01"]])
    func ledgerDates(arguments: [String]) throws {
        try CLI.withTemporaryDirectory { dir in
            let result = try CLI.run(arguments + ["--db", dir.appendingPathComponent("ledger.sqlite").path])
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("is not a calendar date"))
            #expect(result.stderr.contains("Usage: hazard \(arguments[0]) \(arguments[1])"))
        }
    }

    @Test("a missing required option is named, with the subcommand's usage showing it as required")
    func missingRequiredOption() throws {
        let result = try CLI.run(["ledger", "record", "--as", "张三", "examples/gas.yaml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: Missing expected argument '--enterprise <enterprise>'"))
        #expect(result.stderr.contains("Usage: hazard ledger record [<options>] --as <as> --enterprise <enterprise> <answers-file>"))
        #expect(result.stderr.contains("See 'hazard ledger record --help' for more information."))
    }

    @Test("a ledger write without --as says --as is missing, and its usage shows --as as required")
    func actorRequired() throws {
        let result = try CLI.run(["ledger", "plan", "1", "--deadline", "2026-04-30"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Error: Missing expected argument '--as <as>'"))
        #expect(result.stderr.contains("Usage: hazard ledger plan [--db <db>] --as <as> [--role <role>] <id>"))
        let help = try CLI.run(["ledger", "list", "--help"])
        #expect(!help.stdout.contains("--as <as>"))
    }

    @Test("a usage mistake found while running ends with that subcommand's usage, not the root's")
    func usageFromRun() throws {
        let result = try CLI.run(["evaluate", "examples/gas.yaml", "--checklist", "nope"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: no checklist 'nope'"))
        #expect(result.stderr.contains("Usage: hazard evaluate "))
        #expect(result.stderr.contains("See 'hazard evaluate --help' for more information."))
        #expect(!result.stderr.contains("Usage: hazard <subcommand>"))
    }
}
