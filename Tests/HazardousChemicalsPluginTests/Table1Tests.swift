import HazardCore
import HazardousChemicalsPlugin
import Testing

private let plugin = HazardousChemicalsPlugin()
private let csvRows = GB18218Table1CSV.rows

/// Spellings shared by several rows of the transcription, found from the file itself.
private let shared = GB18218Table1CSV.sharedSpellings(in: csvRows)

/// Table 1 CAS numbers that are refused on their own although only one row has them, because
/// the same number also names material outside the row, counted differently: formalin
/// (50-00-0), nitric acid ≤ 70 % (7697-37-2), other MEKP formulations (1338-23-4), 盐酸
/// (7647-01-0). Written here by hand, not read from the plugin, so a change there shows up.
private let refusedQualifiedCAS: Set<String> = ["50-00-0", "7697-37-2", "1338-23-4", "7647-01-0"]

/// S, is_major_source and R for one record of `quantity` t written as `substance`, α = 1.
private func grade(_ substance: String, _ quantity: Double, category: String? = nil) throws -> Facts {
    var record: [String: Value] = ["substance": .string(substance), "quantity_t": .number(quantity)]
    if let category { record["category"] = .string(category) }
    return try plugin.derive(from: Answers([
        "inventory": .list([Record(record)]),
        "population_500m": .number(1),
    ]))
}

@Suite("GB 18218-2018 表1 与随插件发布的转录件（gb18218-table1.csv）逐项一致")
struct Table1TranscriptionTests {
    @Test("转录件可读，共85行，序号1–85")
    func transcriptionHas85Rows() throws {
        let rows = try GB18218Table1CSV.loadedRows()
        #expect(rows.count == 85)
        #expect(rows.map(\.number) == Array(1...85))
    }

    @Test("插件的表1共85行，序号、名称、别名、CAS、临界量与转录件相同")
    func swiftTableEqualsTranscription() throws {
        let swift = GB18218Table1.substances
        #expect(swift.count == csvRows.count)
        for (code, csv) in zip(swift, csvRows) {
            #expect(code.number == csv.number)
            #expect(code.name == csv.name, "row \(csv.number)")
            #expect(code.aliases == csv.aliases, "row \(csv.number)")
            #expect(code.cas == csv.cas, "row \(csv.number)")
            #expect(code.criticalQuantity == csv.q, "row \(csv.number)")
        }
    }

    @Test("转录件中多行共用的写法：硝化纤维素6行共用CAS 9004-70-0、5行共用别名硝化棉，硝酸铵2行共用CAS 6484-52-2")
    func sharedSpellingsAreTheKnownOnes() {
        #expect(shared == [
            "9004-70-0": [37, 38, 39, 40, 41, 42],
            "硝化棉": [37, 38, 39, 40, 41],
            "6484-52-2": [43, 44],
        ])
    }

    @Test("额外写法（编码者添加）不与任何别的行的写法相同，也不是表2类别代码")
    func extraSpellingsNeverCollide() {
        var owner: [SubstanceKey: Int] = [:]
        for row in GB18218Table1.substances {
            for text in row.spellings + row.liquefiedSpellings {
                let key = SubstanceKey(text)
                #expect(GB18218Table2.category(text) == nil, "\(text) reads as a category code")
                if let other = owner[key], other != row.number {
                    // Only spellings Table 1 itself shares may belong to two rows.
                    #expect(shared[text] != nil, "\(text) is in rows \(other) and \(row.number)")
                }
                owner[key] = row.number
            }
        }
    }
}

@Suite("GB 18218-2018 表1 每一行：q = Q 构成重大危险源（S = 1，含等于），q 略小于 Q 不构成")
struct Table1EveryRowTests {
    @Test("按名称查找", arguments: csvRows)
    func byName(row: GB18218Table1CSV.Row) throws {
        try expectBoundary(row, spelling: row.name)
    }

    @Test("按每个别名查找；多行共用的别名报歧义并列出各行", arguments: csvRows)
    func byAlias(row: GB18218Table1CSV.Row) throws {
        for alias in row.aliases {
            if let rows = shared[alias] {
                try expectAmbiguous(alias, listing: rows)
            } else {
                try expectBoundary(row, spelling: alias)
            }
        }
    }

    @Test("按CAS号查找；多行共用的CAS报歧义并列出各行（含名称与Q）", arguments: csvRows)
    func byCAS(row: GB18218Table1CSV.Row) throws {
        for cas in row.cas {
            if let rows = shared[cas] {
                try expectAmbiguous(cas, listing: rows)
            } else if refusedQualifiedCAS.contains(cas) {
                try expectAmbiguous(cas, listing: [row.number])
            } else {
                try expectBoundary(row, spelling: cas)
            }
        }
    }

    @Test("给出了表2类别时，表1的临界量仍然优先（类别只定β）", arguments: csvRows)
    func categoryNeverChangesQ(row: GB18218Table1CSV.Row) throws {
        for category in ["W1.1", "W5.4", "J1"] {
            let facts = try grade(row.name, row.q, category: category)
            #expect(facts["S"] == .number(1), "\(category)")
            #expect(facts["is_major_source"] == .bool(true), "\(category)")
        }
    }

    @Test("全角括号、方括号写法、空格、顿号不影响查找", arguments: csvRows)
    func spellingVariantsFindTheRow(row: GB18218Table1CSV.Row) throws {
        let variants = [
            row.name.replacing("(", with: "（").replacing(")", with: "）"),
            row.name.replacing("[", with: "【").replacing("]", with: "】"),
            row.name.replacing("[", with: "(").replacing("]", with: ")"),
            row.name.replacing(",", with: "，"),
            row.name.replacing(",", with: "、"),
            row.name.replacing("、", with: ","),
            row.name.replacing("%", with: "％").replacing("<", with: "＜").replacing(">", with: "＞"),
            row.name.map(String.init).joined(separator: " "),
            " \(row.name)\u{3000}",
        ]
        for variant in variants {
            let found = try #require(SubstanceCatalog.namedSubstance(variant), "\(variant)")
            #expect(found.number == row.number, "\(variant)")
        }
    }

    private func expectBoundary(_ row: GB18218Table1CSV.Row, spelling: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(SubstanceCatalog.namedSubstance(spelling)?.number == row.number, "\(spelling)", sourceLocation: sourceLocation)
        #expect(SubstanceCatalog.criticalQuantity(spelling) == row.q, "\(spelling)", sourceLocation: sourceLocation)

        let atQ = try grade(spelling, row.q)
        #expect(atQ["S"] == .number(1), "\(spelling) at Q", sourceLocation: sourceLocation)
        #expect(atQ["is_major_source"] == .bool(true), "\(spelling) at Q", sourceLocation: sourceLocation)

        // 0.1 % under Q: S = 0.999 exactly after rounding, whatever Q is.
        let under = try grade(spelling, row.q - row.q / 1000)
        #expect(under["S"] == .number(0.999), "\(spelling) under Q", sourceLocation: sourceLocation)
        #expect(under["is_major_source"] == .bool(false), "\(spelling) under Q", sourceLocation: sourceLocation)
        #expect(under["level"] == .number(0), "\(spelling) under Q", sourceLocation: sourceLocation)
    }

    private func expectAmbiguous(_ spelling: String, listing rows: [Int], sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(SubstanceCatalog.namedSubstance(spelling) == nil, "\(spelling)", sourceLocation: sourceLocation)
        let error = #expect(throws: PluginError.self, "\(spelling)", sourceLocation: sourceLocation) {
            try grade(spelling, 1)
        }
        #expect(error?.code == "ambiguous_substance", sourceLocation: sourceLocation)
        for number in rows {
            let row = try #require(csvRows.first { $0.number == number }, sourceLocation: sourceLocation)
            let q = row.q == row.q.rounded() ? String(Int(row.q)) : String(row.q)
            #expect(error?.message.contains("\(row.name)（表1第\(number)行，Q \(q) t）") == true,
                    "\(spelling) should list row \(number)", sourceLocation: sourceLocation)
        }
    }
}
