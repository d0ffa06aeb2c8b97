import HazardCore
import HazardousChemicalsPlugin
import Testing

private let plugin = HazardousChemicalsPlugin()

/// Answers with an inventory of (substance, tonnes) and, optionally, the population within 500 m.
private func answers(_ inventory: [(String, Double)], population: Double? = nil, unitKind: String? = "storage_facility") -> Answers {
    var values: [QuestionID: Value] = [
        "inventory": .list(inventory.map { Record(["substance": .string($0.0), "quantity_t": .number($0.1)]) }),
    ]
    if let population { values["population_500m"] = .number(population) }
    if let unitKind { values["unit_kind"] = .string(unitKind) }
    return Answers(values, inspectionDate: Day(iso: "2026-06-01"))
}

private func derive(_ answers: Answers) throws -> Facts {
    try plugin.derive(from: answers)
}

@Suite("GB 18218-2018 identification (辨识): S = Σq/Q, major hazard source when S ≥ 1")
struct IdentificationTests {
    @Test("a single substance below, at and above its critical quantity (液氯, Q = 5 t)",
          arguments: [(4.99, false), (5.0, true), (5.01, true)])
    func singleSubstance(quantity: Double, major: Bool) throws {
        let facts = try derive(answers([("液氯", quantity)]))
        #expect(facts["S"] == .number(MajorHazardGrading.rounded(quantity / 5)))
        #expect(facts["is_major_source"] == .bool(major))
    }

    @Test("a mixture whose ratios sum to exactly 1 is a major hazard source (甲醇 250/500 + 苯 25/50)")
    func mixtureSummingToOne() throws {
        let facts = try derive(answers([("甲醇", 250), ("苯", 25)]))
        #expect(facts["S"] == .number(1))
        #expect(facts["is_major_source"] == .bool(true))
    }

    @Test("a mixture of small quantities summing over 1 (0.1 + 0.2 + 0.7 + 0.3 without rounding error)")
    func mixtureSummingOverOne() throws {
        // 氯 0.5/5 = 0.1, 氨 2/10 = 0.2, 乙醇 350/500 = 0.7, 碳酰氯 0.09/0.3 = 0.3
        let facts = try derive(answers([("氯", 0.5), ("氨", 2), ("乙醇", 350), ("光气", 0.09)]))
        #expect(facts["S"] == .number(1.3))
        #expect(facts["is_major_source"] == .bool(true))
    }

    @Test("several substances each below Q but not summing to 1 are not a major source; level is 0")
    func notMajor() throws {
        let facts = try derive(answers([("甲苯", 100), ("丙酮", 100)], population: 500))
        #expect(facts["S"] == .number(0.4))
        #expect(facts["is_major_source"] == .bool(false))
        #expect(facts["level"] == .number(0))
        #expect(facts["R"] == .number(0.8))
    }

    @Test("an empty inventory is known to be no major hazard source")
    func emptyInventory() throws {
        let facts = try derive(answers([]))
        #expect(facts["S"] == .number(0))
        #expect(facts["level"] == .number(0))
        #expect(facts["has_toxic_gas"] == .bool(false))
    }
}

@Suite("The reference's worked examples")
struct WorkedExampleTests {
    @Test("Example 1: 液氨 60 t + 甲醇 800 t, 120 residents → S 7.6, α 2.0, R 27.2, 三级")
    func example1() throws {
        let facts = try derive(answers([("液氨", 60), ("甲醇", 800)], population: 120))
        #expect(facts["S"] == .number(7.6))
        #expect(facts["is_major_source"] == .bool(true))
        #expect(facts["alpha"] == .number(2.0))
        #expect(facts["R"] == .number(27.2))
        #expect(facts["level"] == .number(3))
        #expect(facts["has_toxic_gas"] == .bool(true))
    }

    @Test("Example 2: 液氯 50 t, 60 residents → q/Q 10, β 4, α 1.5, R 60, 二级")
    func example2() throws {
        let facts = try derive(answers([("液氯", 50)], population: 60))
        #expect(facts["S"] == .number(10))
        #expect(facts["alpha"] == .number(1.5))
        #expect(facts["R"] == .number(60))
        #expect(facts["level"] == .number(2))
        #expect(facts["has_toxic_gas"] == .bool(true))
        #expect(facts["has_liquefied_gas"] == .bool(true))
    }

    @Test("Example 3: LPG 100 t, 10 residents → q/Q 2, β 1.5, α 1.0, R 3.0, 四级")
    func example3() throws {
        let facts = try derive(answers([("LPG", 100)], population: 10))
        #expect(facts["S"] == .number(2))
        #expect(facts["R"] == .number(3))
        #expect(facts["level"] == .number(4))
        #expect(facts["has_toxic_gas"] == .bool(false))
        #expect(facts["has_liquefied_gas"] == .bool(true))
    }

    @Test("Example 4: R exactly 50.0 is 二级, not 三级 (氯 62.5 t, 10 residents: 1 × 4 × 12.5)")
    func example4() throws {
        let facts = try derive(answers([("氯", 62.5)], population: 10))
        #expect(facts["R"] == .number(50))
        #expect(facts["level"] == .number(2))
    }
}

@Suite("GB 18218-2018 grading (分级): bands inclusive at the lower bound")
struct GradingTests {
    @Test("R on and just below each boundary (氯, β 4, α 1.0)",
          arguments: [
              (125.0, 100.0, 1), (124.9, 99.92, 2),
              (62.5, 50.0, 2), (62.4, 49.92, 3),
              (12.5, 10.0, 3), (12.4, 9.92, 4),
          ])
    func boundaries(chlorine: Double, r: Double, level: Int) throws {
        let facts = try derive(answers([("氯", chlorine)], population: 10))
        #expect(facts["R"] == .number(r))
        #expect(facts["level"] == .number(Double(level)))
    }

    @Test("level(r:) directly at 100, 50, 10", arguments: [(100.0, 1), (99.999999, 2), (50.0, 2), (10.0, 3), (9.999999, 4), (0.0, 4)])
    func levelFunction(r: Double, level: Int) {
        #expect(MajorHazardGrading.level(r: r) == level)
    }

    @Test("Table 3 toxic gases carry their own β", arguments: [
        ("氯", 4.0), ("碳酰氯", 20.0), ("光气", 20.0), ("氨", 2.0), ("硫化氢", 5.0), ("氟化氢", 5.0),
        ("氯化氢", 3.0), ("溴甲烷", 3.0), ("二氧化氮", 10.0), ("氰化氢", 10.0), ("磷化氢", 20.0),
        ("异氰酸甲酯", 20.0), ("一氧化碳", 2.0), ("二氧化硫", 2.0), ("环氧乙烷", 2.0),
    ])
    func toxicGasBeta(name: String, beta: Double) throws {
        #expect(SubstanceCatalog.beta(name) == beta)
        let q = try #require(SubstanceCatalog.criticalQuantity(name))
        // One critical quantity with α = 1.0: R = β.
        let facts = try derive(answers([(name, q)], population: 1))
        #expect(facts["R"] == .number(beta))
        #expect(facts["has_toxic_gas"] == .bool(true))
    }

    @Test("phosgene: 0.3 t with 100 residents → R = 2 × 20 × 1 = 40, 三级")
    func phosgene() throws {
        let facts = try derive(answers([("光气", 0.3)], population: 100))
        #expect(facts["R"] == .number(40))
        #expect(facts["level"] == .number(3))
    }

    @Test("α for each population band", arguments: [
        (0.0, 0.5), (1.0, 1.0), (29.0, 1.0), (30.0, 1.2), (49.0, 1.2), (50.0, 1.5), (99.0, 1.5), (100.0, 2.0), (5000.0, 2.0),
    ])
    func alphaBands(population: Double, alpha: Double) throws {
        let facts = try derive(answers([("甲醇", 500)], population: population))
        #expect(facts["alpha"] == .number(alpha))
        #expect(facts["R"] == .number(alpha))
    }

    @Test("a major source without the population has S but no α, R or level")
    func populationUnanswered() throws {
        let facts = try derive(answers([("液氯", 50)]))
        #expect(facts["S"] == .number(10))
        #expect(facts["is_major_source"] == .bool(true))
        #expect(facts["alpha"] == nil)
        #expect(facts["R"] == nil)
        #expect(facts["level"] == nil)
    }

    @Test("no inventory answer: no inventory facts, α still derived")
    func inventoryUnanswered() throws {
        let facts = try plugin.derive(from: Answers(["population_500m": .number(40)]))
        #expect(facts["alpha"] == .number(1.2))
        #expect(facts["S"] == nil)
        #expect(facts["level"] == nil)
        #expect(facts["has_toxic_gas"] == nil)
    }
}
