import Foundation
import Testing

@Suite("CSV an official opens in Excel or WPS")
struct LedgerCSVTests {
    static let bom = "\u{FEFF}"

    @Test("the hazard list CSV: BOM, CRLF, Chinese headers and values, read back by Python's csv module byte for byte")
    func hazardListCSV() throws {
        try LedgerSession.with { s in
            let csv = try s.ok(["ledger", "list", "--format", "csv"])
            #expect(csv.hasPrefix(Self.bom))
            #expect(csv.hasSuffix("\r\n"))
            #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
            let (rows, identical) = try LedgerSession.pythonRoundTrip(csv)
            #expect(identical, "Python's csv.writer writes the rows it read back to the same bytes")
            let header = try #require(rows.first)
            #expect(header.prefix(8) == ["编号", "等级", "状态", "统一社会信用代码", "企业名称", "区划代码", "区划名称", "行业"])
            let body = rows.dropFirst()
            #expect(!body.isEmpty)
            for row in body {
                #expect(row.count == header.count)
                #expect(["重大", "一般"].contains(row[1]))
                #expect(row[2] == "已上报")
                #expect(row[5] == "320581" && row[6] == "苏州市常熟市" && row[7] == "城镇燃气")
                #expect(Int(row[0]) != nil)
            }
        }
    }

    @Test("--lang en gives the ledger's codes")
    func hazardListCSVCodes() throws {
        try LedgerSession.with { s in
            let rows = try LedgerSession.pythonRoundTrip(try s.ok(["ledger", "list", "--format", "csv", "--lang", "en"])).rows
            #expect(rows.first?.prefix(4) == ["id", "grade", "status", "enterprise"])
            for row in rows.dropFirst() {
                #expect(["major", "general"].contains(row[1]) && row[2] == "reported" && row[7] == "gas" && row[8] == "department")
            }
        }
    }

    @Test("an all-digit credit code stays text in Excel (=\"…\") and a name that looks like a formula is not run")
    func spreadsheetGuards() throws {
        try LedgerSession.with(enterpriseName: "=HYPERLINK(\"x\",\"某公司, 有限\")", uscc: LedgerSession.digitsUSCC) { s in
            let csv = try s.ok(["report", "hazards", "--format", "csv"])
            #expect(csv.contains("\"=\"\"\(LedgerSession.digitsUSCC)\"\"\""))
            let rows = try LedgerSession.pythonRoundTrip(csv).rows
            let row = try #require(rows.dropFirst().first)
            #expect(row[3] == "=\"\(LedgerSession.digitsUSCC)\"")
            #expect(row[4] == "'=HYPERLINK(\"x\",\"某公司, 有限\")")
        }
    }

    @Test("the dispatch CSV is laid out as the form: lines × 累计/本期, one number per cell")
    func dispatchCSV() throws {
        try LedgerSession.with { s in
            let csv = try s.ok(["report", "dispatch", "--from", "2026-03-01", "--to", "2026-03-24", "--region", "320500", "--format", "csv"])
            #expect(csv.hasPrefix(Self.bom + "重大事故隐患专项排查整治进展情况调度表\r\n"))
            let (rows, identical) = try LedgerSession.pythonRoundTrip(csv)
            #expect(identical)
            #expect(rows.contains(["区划", "320500", "江苏省苏州市"]))
            let headerIndex = try #require(rows.firstIndex(of: ["序号", "项目", "累计", "本期", "金额（万元）", "人数"]))
            let number = /-?[0-9]+(\.[0-9]+)?%?/
            var lines = 0
            for row in rows[(headerIndex + 1)...] {
                if row.isEmpty { break }
                if row.count == 1 { continue }  // a group heading (一、总体情况 …)
                #expect(row.count == 6, "\(row)")
                for cell in row[2...] where !cell.isEmpty {
                    #expect(cell.wholeMatch(of: number) != nil, "one number per cell, not \(cell) in \(row)")
                }
                lines += 1
            }
            #expect(lines >= 6 + 9 + 3)
            #expect(rows.contains { $0.first == "1.3" && $0[2] != "0" && $0[2] == $0[3] }, "the department inspection's major hazards, cumulative and in the period")
            // Breakdowns: one value per cell, the region with its name.
            let byRegion = try #require(rows.firstIndex { $0.first == "区划代码（累计）" })
            let region = rows[byRegion + 1]
            #expect(region.prefix(2) == ["320581", "苏州市常熟市"])
            for cell in region[2...] { #expect(cell.wholeMatch(of: number) != nil, "\(region)") }
            #expect(!rows.joined().contains { $0.contains("/") }, "no packed 3/1/0/0/1 cells")
        }
    }

    @Test("the dispatch text follows the form's layout")
    func dispatchText() throws {
        try LedgerSession.with { s in
            let text = try s.ok(["report", "dispatch", "--from", "2026-03-01", "--to", "2026-03-24"])
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first == "重大事故隐患专项排查整治进展情况调度表")
            #expect(lines.contains { $0.hasPrefix("序号") && $0.contains("累计") && $0.contains("本期") })
            #expect(lines.contains("一、总体情况"))
            #expect(lines.contains { $0.hasPrefix("320581") && $0.contains("苏州市常熟市") })
        }
    }
}

@Suite("ledger list and show read well in a terminal")
struct LedgerTextTests {
    static let longName = "苏州工业园区某某某某某某某某某某液化石油气储配及瓶装燃气供应有限责任公司第一分公司"

    @Test("ledger list fits 120 columns, eliding long names with …; --wide shows everything")
    func listFits() throws {
        try LedgerSession.with(enterpriseName: Self.longName) { s in
            let text = try s.ok(["ledger", "list"])
            for line in text.split(separator: "\n") {
                #expect(LedgerSession.cells(line) <= 120, "\(LedgerSession.cells(line)) cells: \(line)")
            }
            #expect(text.contains("…"))
            #expect(!text.contains(Self.longName))
            #expect(text.contains("常熟市"))
            let wide = try s.ok(["ledger", "list", "--wide"])
            #expect(wide.contains(Self.longName))
            #expect(wide.contains("苏州市常熟市") && wide.contains(LedgerSession.uscc))
        }
    }

    @Test("ledger show prints the audit trail as a table")
    func showAuditTable() throws {
        try LedgerSession.with { s in
            _ = try s.ok(["ledger", "plan", "1", "--as", "王五", "--responsible", "王五", "--measures", "更换阀门", "--funds", "2万元",
                          "--deadline", "2026-04-30", "--contingency", "停用", "--on", "2026-03-20"])
            let text = try s.ok(["ledger", "show", "1"])
            let lines = text.split(separator: "\n").map(String.init)
            let header = try #require(lines.firstIndex { $0.contains("序号") && $0.contains("操作人") && $0.contains("角色") && $0.contains("事件") && $0.contains("详情") })
            let rows = lines[(header + 1)...]
            // The inspection that found it, the hazard's registration, the plan.
            #expect(rows.count == 3)
            #expect(rows.first?.contains("inspection.recorded") == true)
            #expect(rows.dropFirst().first?.contains("登记 reported") == true)
            #expect(rows.last?.contains("整改方案 planned") == true && rows.last?.contains("王五") == true && rows.last?.contains("时限=2026-04-30") == true)
            #expect(text.contains("320581 苏州市常熟市"))
        }
    }
}

@Suite("Lifecycle input is checked at the command line")
struct LedgerInputTests {
    @Test("a plan deadline before the day the hazard was found is refused, naming both days")
    func planBeforeFound() throws {
        try LedgerSession.with { s in
            let result = try s.run(["ledger", "plan", "1", "--as", "王五", "--responsible", "王五", "--measures", "更换阀门", "--funds", "2万元",
                                    "--deadline", "2025-03-30", "--contingency", "停用", "--on", "2026-03-20"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("2025-03-30") && result.stderr.contains(LedgerSession.found) && result.stderr.contains("deadlineBeforeFound"))
            #expect(try s.ok(["ledger", "show", "1"]).contains("已上报"), "nothing was written")
        }
    }

    @Test("supervise --deadline D answers with D, and names the plan's deadline when that one governs")
    func superviseAnswersWithItsDeadline() throws {
        try LedgerSession.with { s in
            let list = try LedgerSession.pythonRoundTrip(try s.ok(["ledger", "list", "--format", "csv", "--lang", "en"])).rows
            let major = try #require(list.dropFirst().first { $0[1] == "major" }?[0])
            _ = try s.ok(["ledger", "plan", major, "--as", "王五", "--responsible", "王五", "--measures", "更换阀门", "--funds", "2万元",
                          "--deadline", "2026-04-30", "--contingency", "停用", "--on", "2026-03-20"])
            let out = try s.ok(["ledger", "supervise", major, "--as", "市应急局", "--authority", "市安委会", "--deadline", "2026-05-31", "--on", "2026-03-21"])
            #expect(out.contains("supervision deadline 2026-05-31"))
            #expect(out.contains("plan's deadline 2026-04-30"))
        }
    }

    @Test("re-registering an enterprise without --sector keeps its sectors and says what changed")
    func reRegisterKeepsSectors() throws {
        try LedgerSession.with { s in
            let out = try s.ok(["ledger", "enterprise", LedgerSession.uscc, "--as", "李四", "--name", "苏州示例燃气股份有限公司", "--region", "320581"])
            #expect(out.hasPrefix("updated \(LedgerSession.uscc) 苏州示例燃气股份有限公司"))
            #expect(out.contains("changed name: 苏州示例燃气有限公司 → 苏州示例燃气股份有限公司"))
            #expect(out.contains("sectors kept (no --sector given): gas"))
            #expect(out.contains("region 320581 苏州市常熟市"))
            let again = try s.ok(["ledger", "enterprise", LedgerSession.uscc, "--as", "李四", "--name", "苏州示例燃气股份有限公司", "--region", "320581",
                                  "--sector", "gas", "--sector", "fire-safety"])
            #expect(again.contains("changed sectors: gas → gas,fire-safety"))
        }
    }
}
