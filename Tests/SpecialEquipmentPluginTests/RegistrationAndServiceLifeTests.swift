import HazardCore
import SpecialEquipmentPlugin
import Testing

private let plugin = SpecialEquipmentPlugin()

private func day(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else { fatalError("bad test date \(iso)") }
    return day
}

@Suite("使用登记、报废与设计使用年限")
struct RegistrationAndServiceLifeTests {
    @Test("在用且未办理使用登记", arguments: [
        (Bool?.some(true), Bool?.some(false), Bool?.some(true)),
        (true, true, false),
        (false, false, false),
        (nil, true, false),
        (nil, false, nil),
        (true, nil, nil),
    ])
    func registrationMissing(_ inUse: Bool?, _ registered: Bool?, _ expected: Bool?) throws {
        var values: [QuestionID: Value] = [:]
        if let inUse { values["in_use"] = .bool(inUse) }
        if let registered { values["has_use_registration"] = .bool(registered) }
        let facts = try plugin.derive(from: Answers(values))
        #expect(facts["registration_missing"] == expected.map(Value.bool))
    }

    @Test("已经报废仍继续使用", arguments: [
        (Bool?.some(true), Bool?.some(true), Bool?.some(true)),
        (true, false, false),
        (false, true, false),
        (nil, true, nil),
    ])
    func scrappedInUse(_ inUse: Bool?, _ scrapped: Bool?, _ expected: Bool?) throws {
        var values: [QuestionID: Value] = [:]
        if let inUse { values["in_use"] = .bool(inUse) }
        if let scrapped { values["is_scrapped"] = .bool(scrapped) }
        let facts = try plugin.derive(from: Answers(values))
        #expect(facts["scrapped_in_use"] == expected.map(Value.bool))
    }

    /// 2016-05-20 投用，设计使用年限10年 ⇒ 2026-05-20 达到。
    @Test("设计使用年限：到达当日即“达到”，前一日未达到", arguments: [
        ("2026-05-19", false),
        ("2026-05-20", true),
        ("2026-05-21", true),
    ])
    func designLifeReached(_ inspection: String, _ reached: Bool) throws {
        let facts = try plugin.derive(from: Answers(
            ["commissioning_date": .date(day("2016-05-20")), "design_life_years": .number(10),
             "in_use": .bool(true), "life_extension_approved": .bool(false)],
            inspectionDate: day(inspection)))
        #expect(facts["design_life_end"] == .date(day("2026-05-20")))
        #expect(facts["design_life_reached"] == .bool(reached))
        #expect(facts["past_design_life_unassessed"] == .bool(reached))
    }

    @Test("达到设计使用年限但已经检验或安全评估并变更登记：不算")
    func lifeExtensionApproved() throws {
        let facts = try plugin.derive(from: Answers(
            ["commissioning_date": .date(day("2000-01-01")), "design_life_years": .number(20),
             "in_use": .bool(true), "life_extension_approved": .bool(true)],
            inspectionDate: day("2026-01-01")))
        #expect(facts["design_life_reached"] == .bool(true))
        #expect(facts["past_design_life_unassessed"] == .bool(false))
    }

    @Test("未规定设计使用年限：未达到")
    func noDesignLife() throws {
        let facts = try plugin.derive(from: Answers(["design_life_specified": .bool(false), "in_use": .bool(true)]))
        #expect(facts["design_life_reached"] == .bool(false))
        #expect(facts["past_design_life_unassessed"] == .bool(false))
        #expect(facts["design_life_end"] == nil)
    }

    @Test("没有检查日期：是否达到设计使用年限未知")
    func designLifeNeedsInspectionDate() throws {
        let facts = try plugin.derive(from: Answers(
            ["commissioning_date": .date(day("2000-01-01")), "design_life_years": .number(8), "in_use": .bool(true)]))
        #expect(facts["design_life_end"] == .date(day("2008-01-01")))
        #expect(facts["design_life_reached"] == nil)
        #expect(facts["past_design_life_unassessed"] == nil)
    }

    @Test("插件声明的每个事实都有类型与中文标签，输入包含设备类别")
    func declarations() {
        let names = Set(plugin.declaredFacts.map(\.name))
        #expect(names.isSuperset(of: ["inspection_overdue", "days_overdue", "next_inspection_due", "registration_missing"]))
        #expect(plugin.declaredFacts.allSatisfy { !$0.label.isEmpty })
        #expect(plugin.declaredInputs.contains { $0.question == "equipment_type" })
        #expect(plugin.id == "special_equipment")
    }
}
