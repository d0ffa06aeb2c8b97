import HazardCore
import HazardousChemicalsPlugin
import Testing

private let plugin = HazardousChemicalsPlugin()

private func inventory(_ records: [[String: Value]], population: Double? = nil) -> Answers {
    var values: [QuestionID: Value] = ["inventory": .list(records.map(Record.init))]
    if let population { values["population_500m"] = .number(population) }
    return Answers(values)
}

@Suite("Substance lookup: Table 1 by name, alias or CAS; Table 2 by category code")
struct SubstanceLookupTests {
    @Test("name, alias and CAS number find the same Table 1 row", arguments: [
        ["氯", "液氯", "氯气", "7782-50-5"],
        ["碳酰氯", "光气", "75-44-5"],
        ["氨", "液氨", "7664-41-7"],
        ["液化石油气", "LPG", "lpg", "68476-85-7"],
        ["甲烷,天然气", "天然气", "甲烷", "LNG", "液化天然气", "74-82-8", "8006-14-2"],
        ["氯化氢(无水)", "氯化氢（无水）", "氯化氢 (无水)", "氯化氢"],
        ["碳化钙", "电石", "75-20-7"],
        ["甲醇", "木醇", "67-56-1"],
        ["乙酸乙酯", "醋酸乙酯", "141-78-6"],
        ["钠", "金属钠", "7440-23-5"],
        ["硝酸铵(含可燃物≤0.2%)", "硝酸铵（含可燃物≤0.2％）", "硝酸铵 (可燃物 ≤ 0.2 %)", "硝酸铵(可燃物<=0.2%)", "硝酸铵(可燃物≦0.2%)"],
        ["液化石油气(含丙烷、丁烷及其混合物)", "液化石油气（含丙烷，丁烷及其混合物）", "液化石油气", "石油气(液化的)", "丙烷", "74-98-6"],
        ["1-氯-2,3-环氧丙烷", "环氧氯丙烷(3-氯-1,2-环氧丙烷)", "环氧氯丙烷", "3-氯-1,2-环氧丙烷", "3-氯-1、2-环氧丙烷"],
        ["砷化氢", "砷化三氢", "胂"],
        ["硝化纤维素[干的或含水(或乙醇)<25%]", "硝化纤维素【干的或含水（或乙醇）＜25％】", "硝化纤维素(干的或含水(或乙醇)<25%)"],
    ])
    func sameRow(spellings: [String]) throws {
        let rows = spellings.map { SubstanceCatalog.namedSubstance($0) }
        let first = try #require(rows.first ?? nil)
        for (spelling, row) in zip(spellings, rows) {
            #expect(row == first, "\(spelling)")
        }
    }

    @Test("the substances the reference names have their Table 1 Q", arguments: [
        ("氨", 10.0), ("液化石油气", 50.0), ("氯", 5.0), ("天然气", 50.0), ("碳酰氯", 0.3), ("氢", 5.0),
        ("硫化氢", 5.0), ("乙炔", 1.0), ("氰化氢", 1.0), ("乙烯", 50.0), ("氟化氢", 1.0), ("1,3-丁二烯", 5.0),
        ("二氧化硫", 20.0), ("氯乙烯", 50.0), ("氯化氢(无水)", 20.0), ("苯", 50.0), ("环氧乙烷", 10.0),
        ("甲苯", 500.0), ("甲醇", 500.0), ("乙醇", 500.0), ("丙酮", 500.0), ("异氰酸甲酯", 0.75),
        ("汽油", 200.0), ("乙醇汽油", 200.0), ("煤气", 20.0), ("二硫化碳", 50.0), ("磷化氢", 1.0),
        ("砷化氢", 1.0), ("硝酸铵(含可燃物>0.2%)", 5.0), ("溴甲烷", 10.0), ("氧", 200.0), ("液氧", 200.0),
        ("甲醛(含量>90%)", 5.0), ("碳化钙", 100.0),
    ])
    func criticalQuantity(name: String, q: Double) {
        #expect(SubstanceCatalog.criticalQuantity(name) == q)
    }

    @Test("Table 2 codes give Q and Table 4 β", arguments: [
        ("J1", 5.0, 4.0), ("J2", 50.0, 1.0), ("J3", 50.0, 2.0), ("J4", 50.0, 2.0), ("J5", 500.0, 1.0),
        ("W1.1", 1.0, 2.0), ("W1.2", 10.0, 2.0), ("W1.3", 50.0, 2.0), ("W2", 10.0, 1.5), ("W3", 150.0, 1.0),
        ("W4", 50.0, 1.0), ("W5.1", 10.0, 1.5), ("W5.2", 50.0, 1.0), ("W5.3", 1000.0, 1.0), ("W5.4", 5000.0, 1.0),
        ("W6.1", 10.0, 1.5), ("W6.2", 50.0, 1.0), ("W7.1", 10.0, 1.5), ("W7.2", 50.0, 1.0), ("W8", 50.0, 1.0),
        ("W9.1", 50.0, 1.0), ("W9.2", 200.0, 1.0), ("W10", 200.0, 1.0), ("W11", 200.0, 1.0),
        ("w5.3", 1000.0, 1.0), ("Ｗ５．３", 1000.0, 1.0),
    ])
    func categories(code: String, q: Double, beta: Double) {
        #expect(SubstanceCatalog.criticalQuantity(code) == q)
        #expect(SubstanceCatalog.beta(code) == beta)
    }

    @Test("the plugin's functions: critical_quantity and beta")
    func functions() throws {
        let cq = try #require(plugin.functions.first { $0.name == "critical_quantity" })
        let beta = try #require(plugin.functions.first { $0.name == "beta" })
        #expect(cq.body([.string("7782-50-5")]) == .number(5))
        #expect(cq.body([.string("W5.3")]) == .number(1000))
        #expect(cq.body([.string("不存在的物质")]) == nil)
        #expect(cq.body([nil]) == nil)
        #expect(beta.body([.string("光气")]) == .number(20))
    }

    @Test("a chemical Table 1 does not list counts with the category given for it (丙烯 as W2, 柴油 as W5.4)")
    func unlistedWithCategory() throws {
        let facts = try plugin.derive(from: inventory([
            ["substance": .string("丙烯"), "quantity_t": .number(5), "category": .string("W2")],
            ["substance": .string("柴油"), "quantity_t": .number(5000), "category": .string("W5.4")],
        ], population: 0))
        #expect(facts["S"] == .number(1.5))
        #expect(facts["R"] == .number(0.875))  // 0.5 × (1.5 × 0.5 + 1 × 1)
        #expect(facts["level"] == .number(4))
    }

    @Test("乙酸乙酯 is Table 1 row 69 (Q 500 t), not an unlisted W5.3 chemical: 1500 t → S 3.0, with or without a category")
    func ethylAcetateIsInTableOne() throws {
        for record: [String: Value] in [
            ["substance": .string("乙酸乙酯"), "quantity_t": .number(1500)],
            ["substance": .string("乙酸乙酯"), "quantity_t": .number(1500), "category": .string("W5.3")],
        ] {
            let facts = try plugin.derive(from: inventory([record], population: 0))
            #expect(facts["S"] == .number(3))
            #expect(facts["R"] == .number(1.5))
            #expect(facts["level"] == .number(4))
        }
    }

    @Test("a category code written as the substance (W5.1) and a J2 tank content")
    func codeAsSubstance() throws {
        let facts = try plugin.derive(from: inventory([
            ["substance": .string("W5.1"), "quantity_t": .number(5)],
            ["substance": .string("J2"), "quantity_t": .number(25)],
        ], population: 30))
        #expect(facts["S"] == .number(1))
        #expect(facts["R"] == .number(1.5))  // 1.2 × (1.5 × 0.5 + 1 × 0.5)
        #expect(facts["has_highly_toxic_liquid"] == .bool(true))
        #expect(facts["has_toxic_gas"] == .bool(false))
        #expect(facts["has_liquefied_gas"] == .bool(false))
    }

    @Test("a named chemical's category replaces its default β but not its Q (gasoline of category 1)")
    func categoryOverridesBeta() throws {
        let facts = try plugin.derive(from: inventory([
            ["substance": .string("汽油"), "quantity_t": .number(400), "category": .string("W5.1")],
        ], population: 1))
        #expect(facts["S"] == .number(2))
        #expect(facts["R"] == .number(3))
    }

    @Test("a Table 3 gas keeps its β whatever category is given")
    func tableThreeWins() throws {
        let facts = try plugin.derive(from: inventory([
            ["substance": .string("氯"), "quantity_t": .number(5), "category": .string("W5.3")],
        ], population: 1))
        #expect(facts["R"] == .number(4))
    }

    @Test("liquefied: alias, default and record override")
    func liquefied() throws {
        func flag(_ record: [String: Value]) throws -> Value? {
            try plugin.derive(from: inventory([record]))["has_liquefied_gas"]
        }
        #expect(try flag(["substance": .string("天然气"), "quantity_t": .number(10)]) == .bool(false))
        #expect(try flag(["substance": .string("液化天然气"), "quantity_t": .number(10)]) == .bool(true))
        #expect(try flag(["substance": .string("天然气"), "quantity_t": .number(10), "liquefied": .bool(true)]) == .bool(true))
        #expect(try flag(["substance": .string("液氯"), "quantity_t": .number(10), "liquefied": .bool(false)]) == .bool(false))
        // A gas category without an answer is unknown; a liquid category is not a liquefied gas.
        #expect(try flag(["substance": .string("W2"), "quantity_t": .number(10)]) == nil)
        #expect(try flag(["substance": .string("W5.3"), "quantity_t": .number(10)]) == .bool(false))
        // A zero quantity is not present.
        #expect(try flag(["substance": .string("液氯"), "quantity_t": .number(0)]) == .bool(false))
    }

    @Test("a record without its quantity leaves S and R unknown but flags known")
    func missingQuantity() throws {
        let facts = try plugin.derive(from: inventory([
            ["substance": .string("液氯")],
            ["substance": .string("甲醇"), "quantity_t": .number(10)],
        ], population: 5))
        #expect(facts["S"] == nil)
        #expect(facts["R"] == nil)
        #expect(facts["level"] == nil)
        #expect(facts["has_toxic_gas"] == .bool(true))
    }
}

@Suite("Bad records are errors naming the record, never a silent zero")
struct LookupErrorTests {
    @Test("an unknown substance throws naming the record index and the substance")
    func unknownSubstance() {
        let answers = inventory([
            ["substance": .string("液氯"), "quantity_t": .number(1)],
            ["substance": .string("甲醇"), "quantity_t": .number(1)],
            ["substance": .string("不存在的物质"), "quantity_t": .number(1)],
        ])
        let error = #expect(throws: PluginError.self) { try plugin.derive(from: answers) }
        #expect(error?.code == "unknown_substance")
        #expect(error?.question == "inventory")
        #expect(error?.recordIndex == 2)
        #expect(error?.message.contains("不存在的物质") == true)
        #expect(error?.message.contains("unknown substance") == true)
        #expect(error?.description.hasPrefix("inventory[2]: ") == true)
    }

    @Test("bare names and CAS numbers that do not decide a Table 1 row are refused", arguments: [
        "甲醛", "50-00-0", "硝酸铵", "6484-52-2", "硝化纤维素", "硝化棉", "9004-70-0", "硝酸铵肥料",
        "硝酸", "7697-37-2", "过氧化甲基乙基酮", "过氧化丁酮", "1338-23-4", "7647-01-0", "硝 化 棉", "６４８４－５２－２",
    ])
    func ambiguous(name: String) {
        let error = #expect(throws: PluginError.self) {
            try plugin.derive(from: inventory([["substance": .string(name), "quantity_t": .number(1)]]))
        }
        #expect(error?.code == "ambiguous_substance")
        #expect(error?.recordIndex == 0)
        #expect(SubstanceCatalog.criticalQuantity(name) == nil)
    }

    @Test("a bare name that may mean material outside Table 1 takes a category (福尔马林-type solution as J5, 68 % 硝酸 as W9.2)")
    func ambiguousWithCategory() throws {
        let facts = try plugin.derive(from: inventory([
            ["substance": .string("甲醛"), "quantity_t": .number(250), "category": .string("J5")],
            ["substance": .string("硝酸"), "quantity_t": .number(100), "category": .string("W9.2")],
        ]))
        #expect(facts["S"] == .number(1))
    }

    @Test("a category cannot choose between Table 1 rows: 硝酸铵, 硝化棉 and their shared CAS are refused with one",
          arguments: ["硝酸铵", "6484-52-2", "硝化纤维素", "硝化棉", "9004-70-0"])
    func severalRowsWithCategory(name: String) {
        let error = #expect(throws: PluginError.self) {
            try plugin.derive(from: inventory([["substance": .string(name), "quantity_t": .number(1), "category": .string("W9.2")]]))
        }
        #expect(error?.code == "ambiguous_substance")
        #expect(error?.message.contains("category 不能代替行的选择") == true)
    }

    @Test("the shared CAS 9004-70-0 lists the six 硝化纤维素 rows with their Q")
    func nitrocelluloseChoices() {
        #expect(throws: LookupFailure.ambiguousSubstance("9004-70-0", choices: [
            "硝化纤维素[干的或含水(或乙醇)<25%]（表1第37行，Q 1 t）",
            "硝化纤维素(未改型的,或增塑的,含增塑剂<18%)（表1第38行，Q 1 t）",
            "硝化纤维素(含乙醇≥25%)（表1第39行，Q 10 t）",
            "硝化纤维素(含氮≤12.6%)（表1第40行，Q 50 t）",
            "硝化纤维素(含水≥25%)（表1第41行，Q 50 t）",
            "硝化纤维素溶液(含氮量≤12.6%,含硝化纤维素≤55%)（表1第42行，Q 50 t）",
        ], hint: "表1按含水、含乙醇、含氮量和增塑剂区分硝化纤维素，各行临界量不同，category 不能代替行的选择：请写所指行的名称")) {
            try SubstanceCatalog.classify(substance: "9004-70-0")
        }
    }

    @Test("an unknown name fails with “did you mean” and is never matched silently", arguments: [
        ("乙酸乙脂", "乙酸乙酯（表1第69行，Q 500 t）"),
        ("醋酸乙脂", "乙酸乙酯（表1第69行，Q 500 t）"),
        ("丙烯", "丙烯醛（表1第19行，Q 20 t）"),
        ("硝酸氨", "硝酸铵(含可燃物≤0.2%)（表1第44行，Q 50 t）"),
        ("7782-50-6", "氯（表1第12行，Q 5 t）"),
        ("三硝基甲苯", "2,4,6-三硝基甲苯（表1第35行，Q 5 t）"),
    ])
    func didYouMean(typed: String, suggested: String) {
        #expect(SubstanceCatalog.criticalQuantity(typed) == nil)
        let error = #expect(throws: PluginError.self) {
            try plugin.derive(from: inventory([["substance": .string(typed), "quantity_t": .number(1)]]))
        }
        #expect(error?.code == "unknown_substance")
        #expect(error?.message.contains("did you mean") == true)
        #expect(error?.message.contains(suggested) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("category") == true)
    }

    @Test("a name like no Table 1 row gets no suggestion but still says to give a category")
    func noSuggestion() {
        #expect(throws: LookupFailure.unknownSubstance("不存在的物质", suggestions: [])) {
            try SubstanceCatalog.classify(substance: "不存在的物质")
        }
    }

    @Test("bad category code, conflicting codes, negative quantity", arguments: [
        (["substance": Value.string("丙烯"), "quantity_t": .number(1), "category": .string("W12")], "unknown_category"),
        (["substance": Value.string("W5.3"), "quantity_t": .number(1), "category": .string("W5.4")], "conflicting_category"),
        (["substance": Value.string("甲醇"), "quantity_t": .number(-1)], "invalid_quantity"),
    ])
    func badRecords(record: [String: Value], code: String) {
        let error = #expect(throws: PluginError.self) {
            try plugin.derive(from: inventory([["substance": .string("氨"), "quantity_t": .number(1)], record]))
        }
        #expect(error?.code == code)
        #expect(error?.recordIndex == 1)
    }

    @Test("a negative population is refused")
    func badPopulation() {
        #expect(throws: PluginError.self) {
            try plugin.derive(from: Answers(["population_500m": .number(-3)]))
        }
    }

    @Test("the plugin declares what the checklist relies on")
    func declarations() {
        let facts = Set(plugin.declaredFacts.map(\.name))
        #expect(facts == ["S", "is_major_source", "alpha", "R", "level", "has_toxic_gas", "has_liquefied_gas", "has_highly_toxic_liquid"])
        #expect(plugin.id == "hazchem")
        #expect(plugin.declaredInputs.map(\.question) == ["inventory", "unit_kind", "population_500m"])
    }
}
