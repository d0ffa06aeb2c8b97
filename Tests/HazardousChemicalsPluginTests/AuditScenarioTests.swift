import HazardCore
import HazardousChemicalsPlugin
import Testing

private let plugin = HazardousChemicalsPlugin()

/// One inventory record: substance, tonnes and, optionally, the category the inspector gave.
private func record(_ substance: String, _ quantity: Double, category: String? = nil) -> Record {
    var fields: [String: Value] = ["substance": .string(substance), "quantity_t": .number(quantity)]
    if let category { fields["category"] = .string(category) }
    return Record(fields)
}

private func derive(_ records: [Record], population: Double) throws -> Facts {
    try plugin.derive(from: Answers([
        "inventory": .list(records),
        "population_500m": .number(population),
        "unit_kind": .string("storage_facility"),
    ]))
}

/// The scenarios of the 2026-12 fidelity audit that the 33-row table got wrong (E1–E3): each
/// chemical was given the Table 2 category the old tool asked for, and Table 1's Q must win.
@Suite("审计情景 hc7、hc8、hc10：表1所列物质按表1临界量，不按所给表2类别")
struct AuditScenarioTests {
    @Test("hc7：乙酸乙酯600 t（给出W5.3）→ Q 500 t，S 1.2，构成重大危险源")
    func hc7EthylAcetate() throws {
        let facts = try derive([record("乙酸乙酯", 600, category: "W5.3")], population: 1)
        #expect(facts["S"] == .number(1.2))
        #expect(facts["is_major_source"] == .bool(true))
        #expect(facts["R"] == .number(1.2))
        #expect(facts["level"] == .number(4))
    }

    @Test("hc8：金属钠15 t（给出W11）→ Q 10 t，S 1.5，构成重大危险源，四级（人口1人：α 1.0，R 1.5）")
    func hc8Sodium() throws {
        let facts = try derive([record("金属钠", 15, category: "W11")], population: 1)
        #expect(facts["S"] == .number(1.5))
        #expect(facts["is_major_source"] == .bool(true))
        #expect(facts["R"] == .number(1.5))
        #expect(facts["level"] == .number(4))
    }

    @Test("hc10：硝酸铵（可燃物≤0.2%）60 t（给出W9.2）→ Q 50 t，S 1.2，构成重大危险源",
          arguments: ["硝酸铵 (可燃物 ≤ 0.2 %)", "硝酸铵(含可燃物≤0.2%)", "硝酸铵（含可燃物≤0.2％）", "硝酸铵(可燃物<=0.2%)"])
    func hc10AmmoniumNitrate(spelling: String) throws {
        let facts = try derive([record(spelling, 60, category: "W9.2")], population: 1)
        #expect(facts["S"] == .number(1.2))
        #expect(facts["is_major_source"] == .bool(true))
        #expect(facts["R"] == .number(1.2))
    }

    @Test("hc10 的错误做法被拒绝：只写“硝酸铵”加W9.2 不能代替选择表1的行（E3）")
    func bareAmmoniumNitrateWithCategoryIsRefused() {
        let error = #expect(throws: PluginError.self) {
            try derive([record("硝酸铵", 60, category: "W9.2")], population: 1)
        }
        #expect(error?.code == "ambiguous_substance")
        #expect(error?.message.contains("硝酸铵(含可燃物≤0.2%)（表1第44行，Q 50 t）") == true)
        #expect(error?.message.contains("（表1第43行，Q 5 t）") == true)
        #expect(error?.message.contains("硝酸铵肥料(含可燃物≤0.4%)（表1第45行，Q 200 t）") == true)
        #expect(error?.message.contains("其他请在 category 给出类别") == false)
    }

    @Test("审计中原本正确的情景保持不变：hc5 丙烯30 t（W2）S 3、R 4.5；hc12 氢33.3 t R 9.99 四级；hc13 无水氟化氢30 t、人口50人 R 225 一级")
    func unchangedScenarios() throws {
        let hc5 = try derive([record("丙烯", 30, category: "W2")], population: 1)
        #expect(hc5["S"] == .number(3))
        #expect(hc5["R"] == .number(4.5))
        let hc12 = try derive([record("氢", 33.3)], population: 1)
        #expect(hc12["R"] == .number(9.99))
        #expect(hc12["level"] == .number(4))
        let hc13 = try derive([record("无水氟化氢", 30)], population: 50)
        #expect(hc13["R"] == .number(225))
        #expect(hc13["level"] == .number(1))
    }

    @Test("hc11：汽油150 t（W5.1）+ 柴油3000 t（W5.4）、人口35人 → S 1.35，R 2.07")
    func hc11GasolineAndDiesel() throws {
        let facts = try derive([record("汽油", 150, category: "W5.1"), record("柴油", 3000, category: "W5.4")], population: 35)
        #expect(facts["S"] == .number(1.35))
        #expect(facts["R"] == .number(2.07))
    }
}

/// Mixtures of Table 1 rows and Table 2 categories: S = Σq/Q over both, R = α·Σβq/Q.
@Suite("多品种：表1物质与表2类别物质同在一个单元")
struct Table1AndTable2MixtureTests {
    @Test("乙酸乙酯300 t（表1，0.6）+ 丙烯4 t（W2，0.4）→ S 1.0 构成；R = 0.6 + 1.5 × 0.4 = 1.2")
    func sumExactlyOne() throws {
        let facts = try derive([record("乙酸乙酯", 300), record("丙烯", 4, category: "W2")], population: 1)
        #expect(facts["S"] == .number(1))
        #expect(facts["is_major_source"] == .bool(true))
        #expect(facts["R"] == .number(1.2))
        #expect(facts["level"] == .number(4))
    }

    @Test("乙酸乙酯299.5 t + 丙烯4 t → S 0.999，不构成")
    func justUnderOne() throws {
        let facts = try derive([record("乙酸乙酯", 299.5), record("丙烯", 4, category: "W2")], population: 1)
        #expect(facts["S"] == .number(0.999))
        #expect(facts["is_major_source"] == .bool(false))
        #expect(facts["level"] == .number(0))
    }

    @Test("钠5 t（0.5）+ 硝酸铵(含可燃物≤0.2%) 10 t（0.2）+ 柴油1500 t（W5.4，0.3）、人口100人 → S 1.0，R 2.0")
    func threeWayMixture() throws {
        let facts = try derive([
            record("钠", 5), record("硝酸铵(含可燃物≤0.2%)", 10), record("柴油", 1500, category: "W5.4"),
        ], population: 100)
        #expect(facts["S"] == .number(1))
        #expect(facts["alpha"] == .number(2))
        #expect(facts["R"] == .number(2))
    }

    @Test("二氟化氧0.5 t（表1，J1 β 4）+ W2 5 t（β 1.5）→ S 1.0，R 2.75，涉及毒性气体")
    func toxicGasMixture() throws {
        let facts = try derive([record("二氟化氧", 0.5), record("W2", 5)], population: 1)
        #expect(facts["S"] == .number(1))
        #expect(facts["R"] == .number(2.75))
        #expect(facts["has_toxic_gas"] == .bool(true))
    }

    @Test("表1的新行与原有行混合：苯乙烯250 t（0.5）+ 甲醇250 t（0.5）→ S 1.0；若按W5.4算苯乙烯则只有0.55")
    func newRowsCountByTableOne() throws {
        let facts = try derive([record("苯乙烯", 250, category: "W5.4"), record("甲醇", 250)], population: 1)
        #expect(facts["S"] == .number(1))
        #expect(facts["is_major_source"] == .bool(true))
    }

    @Test("钾0.6 t（Q 1）+ 烷基铝0.4 t（Q 1）→ S 1.0；按表2（W11 200、W8 50）只有0.011")
    func smallQuantityRows() throws {
        let facts = try derive([record("金属钾", 0.6, category: "W11"), record("三烷基铝", 0.4, category: "W8")], population: 1)
        #expect(facts["S"] == .number(1))
        #expect(facts["is_major_source"] == .bool(true))
    }
}
