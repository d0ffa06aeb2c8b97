import HazardCore
import Testing
import FireSafetyPlugin

/// GB 35181-2025 《重大火灾隐患判定规则》: the place categories of 3.4–3.9 and Annex A, each
/// threshold checked exactly at the boundary and one step past it.
@Suite("GB 35181-2025 场所类别与附录A")
struct GB35181_2025FactsTests {
    static let facts2025: Set<String> = [
        "childrens_place", "elderly_care_facility", "labour_intensive_enterprise", "floor_area_per_worker_m2",
        "mixed_use_premises", "crowded_place", "underground_crowded_place", "hydrant_system_fault",
        "auto_extinguishing_fault", "fire_alarm_system_fault", "gas_agent_mass_percent", "annex_a_not_running",
    ]

    let plugin = FireSafety2025Plugin()

    func facts(_ values: [QuestionID: Value]) throws(PluginError) -> Facts {
        try plugin.derive(from: Answers(values, inspectionDate: Day(iso: "2025-11-20")))
    }

    // MARK: 3.5 儿童活动场所

    @Test("3.5 供12周岁及以下：最低服务年龄12周岁是儿童活动场所，13周岁不是", arguments: [
        (12.0, true), (13.0, false), (0.0, true),
    ])
    func childrensAge(ageFrom: Double, expected: Bool) throws {
        let f = try facts(["serves_children": .bool(true), "children_age_from_years": .number(ageFrom),
                           "is_primary_school_teaching_space": .bool(false)])
        #expect(f["childrens_place"] == .bool(expected))
        #expect(f["crowded_place"] == (expected ? .bool(true) : nil)) // is_crowded_place unanswered
    }

    @Test("3.5 不包括小学学校的教室等教学场所")
    func primarySchoolClassroomExcluded() throws {
        let f = try facts(["serves_children": .bool(true), "children_age_from_years": .number(6),
                           "is_primary_school_teaching_space": .bool(true)])
        #expect(f["childrens_place"] == .bool(false))
    }

    @Test("3.5 不供儿童活动的场所不必回答年龄")
    func notForChildren() throws {
        #expect(try facts(["serves_children": .bool(false)])["childrens_place"] == .bool(false))
        #expect(try facts(["serves_children": .bool(true)])["childrens_place"] == nil)
    }

    // MARK: 3.6 老年人照料设施

    @Test("3.6 床位总数（可容纳老年人总数）大于或等于20床（人）：19 不是，20 是", arguments: [
        (19.0, 19.0, false), (20.0, 0.0, true), (0.0, 20.0, true), (19.0, 20.0, true),
    ])
    func elderlyThreshold(beds: Double, elderly: Double, expected: Bool) throws {
        let f = try facts(["provides_centralised_elderly_care": .bool(true),
                           "elderly_care_beds": .number(beds), "elderly_cared_for": .number(elderly)])
        #expect(f["elderly_care_facility"] == .bool(expected))
    }

    @Test("3.6 20床即可判定，另一数未答不影响；19床且人数未答为未知")
    func elderlyKleene() throws {
        #expect(try facts(["provides_centralised_elderly_care": .bool(true), "elderly_care_beds": .number(20)])["elderly_care_facility"] == .bool(true))
        #expect(try facts(["provides_centralised_elderly_care": .bool(true), "elderly_care_beds": .number(19)])["elderly_care_facility"] == nil)
    }

    @Test("3.6 不提供集中照料服务的老年人场所不是老年人照料设施")
    func elderlyWithoutCentralisedCare() throws {
        let f = try facts(["provides_centralised_elderly_care": .bool(false), "elderly_care_beds": .number(200)])
        #expect(f["elderly_care_facility"] == .bool(false))
    }

    // MARK: 3.7 劳动密集型企业

    func labour(workers: Double, area: Double, hazardClass: String = "bing", kind: Bool = true) throws -> Facts {
        try facts(["is_manufacturer_or_processing_logistics": .bool(kind), "plant_or_warehouse": .string("plant"),
                   "production_storage_hazard_class": .string(hazardClass),
                   "workers_at_same_time": .number(workers), "plant_floor_area_m2": .number(area)])
    }

    @Test("3.7 同一时间生产作业人数超过50人：50人不是，51人是（人均均小于20 m²）", arguments: [
        (50.0, 500.0, false), (51.0, 510.0, true),
    ])
    func labourWorkers(workers: Double, area: Double, expected: Bool) throws {
        #expect(try labour(workers: workers, area: area)["labour_intensive_enterprise"] == .bool(expected))
    }

    @Test("3.7 人均建筑面积小于20 m²：恰为20 m²不是，19.99 m²是", arguments: [
        (60.0, 1200.0, 20.0, false), (60.0, 1199.4, 19.99, true), (51.0, 1020.0, 20.0, false),
    ])
    func labourArea(workers: Double, area: Double, perWorker: Double, expected: Bool) throws {
        let f = try labour(workers: workers, area: area)
        #expect(f["floor_area_per_worker_m2"] == .number(perWorker))
        #expect(f["labour_intensive_enterprise"] == .bool(expected))
    }

    @Test("3.7 厂房或仓库火灾危险性须为丙类", arguments: ["jia", "yi", "ding", "wu"])
    func labourOnlyClassC(hazardClass: String) throws {
        #expect(try labour(workers: 200, area: 1000, hazardClass: hazardClass)["labour_intensive_enterprise"] == .bool(false))
    }

    @Test("3.7 须为生产加工企业或有分拣、加工、包装作业的仓储物流企业")
    func labourEnterpriseKind() throws {
        #expect(try labour(workers: 200, area: 1000, kind: false)["labour_intensive_enterprise"] == .bool(false))
    }

    @Test("3.4 劳动密集型企业的生产加工车间是人员密集场所，其仓库不因此成为人员密集场所")
    func labourWorkshopIsCrowded() throws {
        var answers: [QuestionID: Value] = [
            "is_manufacturer_or_processing_logistics": .bool(true), "plant_or_warehouse": .string("plant"),
            "production_storage_hazard_class": .string("bing"), "workers_at_same_time": .number(80),
            "plant_floor_area_m2": .number(1200), "is_crowded_place": .bool(false),
            "serves_children": .bool(false), "provides_centralised_elderly_care": .bool(false),
            "in_underground_space": .bool(false),
        ]
        var f = try facts(answers)
        #expect(f["crowded_place"] == .bool(true))
        #expect(f["underground_crowded_place"] == .bool(false))
        answers["plant_or_warehouse"] = .string("warehouse")
        f = try facts(answers)
        #expect(f["labour_intensive_enterprise"] == .bool(true))
        #expect(f["crowded_place"] == .bool(false))
    }

    @Test("非厂房、仓库不读火灾危险性类别")
    func neitherPlantNorWarehouse() throws {
        let f = try facts(["is_manufacturer_or_processing_logistics": .bool(true), "plant_or_warehouse": .string("neither"),
                           "workers_at_same_time": .number(80), "plant_floor_area_m2": .number(100)])
        #expect(f["labour_intensive_enterprise"] == .bool(false))
    }

    // MARK: 3.9 多业态混合生产经营场所

    @Test("3.9 a) 两种及以上业态：1种不是，2种是", arguments: [(1.0, false), (2.0, true), (7.0, true)])
    func mixedUseTypes(types: Double, expected: Bool) throws {
        let f = try facts(["business_type_count": .number(types), "production_storage_combined_by_letting": .bool(false)])
        #expect(f["mixed_use_premises"] == .bool(expected))
    }

    @Test("3.9 b) 劳动密集型企业生产、储存合用的厂房和仓库（自营、分租、转租）")
    func mixedUseLabourIntensive() throws {
        var answers: [QuestionID: Value] = [
            "is_manufacturer_or_processing_logistics": .bool(true), "plant_or_warehouse": .string("plant"),
            "production_storage_hazard_class": .string("bing"), "workers_at_same_time": .number(80),
            "plant_floor_area_m2": .number(1200), "business_type_count": .number(0),
            "production_storage_combined_by_letting": .bool(true),
        ]
        #expect(try facts(answers)["mixed_use_premises"] == .bool(true))
        answers["workers_at_same_time"] = .number(50) // no longer labour-intensive
        #expect(try facts(answers)["mixed_use_premises"] == .bool(false))
    }

    // MARK: Annex A

    /// Answers with every A.1–A.3 condition absent and the given systems required.
    func annex(hydrant: Bool, extinguishing: Bool, alarm: Bool, _ extra: [QuestionID: Value] = [:]) throws -> Facts {
        var answers: [QuestionID: Value] = [
            "hydrant_system_required": .bool(hydrant), "auto_extinguishing_required": .bool(extinguishing),
            "fire_alarm_system_required": .bool(alarm),
            "a1_1_hydrant_pump_wont_start": .bool(false), "a1_2_hydrant_pump_cabinet_fault": .bool(false),
            "a2_1_extinguishing_pump_wont_start": .bool(false), "a2_2_extinguishing_pump_cabinet_fault": .bool(false),
            "a2_3_alarm_valve_wont_start": .bool(false), "has_gas_extinguishing": .bool(false),
            "a2_5_water_mist_release_wont_start": .bool(false),
            "a3_1_alarm_panel_power_fault": .bool(false), "a3_2_alarm_panel_function_fault": .bool(false),
            "a3_3_linkage_controller_fault": .bool(false), "a3_4_alarm_bus_fault": .bool(false),
        ]
        answers.merge(extra) { $1 }
        return try facts(answers)
    }

    @Test("A.4 应设一种系统：该系统存在1条情形即不能正常运行")
    func oneSystemRequired() throws {
        #expect(try annex(hydrant: true, extinguishing: false, alarm: false)["annex_a_not_running"] == .bool(false))
        #expect(try annex(hydrant: true, extinguishing: false, alarm: false, ["a1_2_hydrant_pump_cabinet_fault": .bool(true)])["annex_a_not_running"] == .bool(true))
        // A fault in a system that is not required does not count.
        #expect(try annex(hydrant: true, extinguishing: false, alarm: false, ["a3_4_alarm_bus_fault": .bool(true)])["annex_a_not_running"] == .bool(false))
    }

    @Test("A.4 应设两种系统：仅一种系统存在情形不构成；两种各1条构成")
    func twoSystemsRequired() throws {
        let one = try annex(hydrant: true, extinguishing: false, alarm: true, ["a1_1_hydrant_pump_wont_start": .bool(true), "a1_2_hydrant_pump_cabinet_fault": .bool(true)])
        #expect(one["hydrant_system_fault"] == .bool(true))
        #expect(one["annex_a_not_running"] == .bool(false))
        let both = try annex(hydrant: true, extinguishing: false, alarm: true, ["a1_1_hydrant_pump_wont_start": .bool(true), "a3_2_alarm_panel_function_fault": .bool(true)])
        #expect(both["annex_a_not_running"] == .bool(true))
    }

    @Test("A.4 应设三种系统：两种存在情形不构成；三种各1条构成")
    func threeSystemsRequired() throws {
        let two: [QuestionID: Value] = ["a1_1_hydrant_pump_wont_start": .bool(true), "a2_3_alarm_valve_wont_start": .bool(true)]
        #expect(try annex(hydrant: true, extinguishing: true, alarm: true, two)["annex_a_not_running"] == .bool(false))
        let three = two.merging(["a3_3_linkage_controller_fault": .bool(true)]) { $1 }
        #expect(try annex(hydrant: true, extinguishing: true, alarm: true, three)["annex_a_not_running"] == .bool(true))
    }

    @Test("A.4 三种系统均不要求设置时不存在不能正常运行")
    func noSystemRequired() throws {
        #expect(try annex(hydrant: false, extinguishing: false, alarm: false, ["a1_1_hydrant_pump_wont_start": .bool(true)])["annex_a_not_running"] == .bool(false))
    }

    @Test("A.4 未答的情形：应设系统中已有一个无情形则可判定不构成，否则未知")
    func annexUnknown() throws {
        // Alarm required but its conditions unanswered; hydrant required and clean ⇒ not running is false.
        let f = try facts(["hydrant_system_required": .bool(true), "auto_extinguishing_required": .bool(false),
                           "fire_alarm_system_required": .bool(true),
                           "a1_1_hydrant_pump_wont_start": .bool(false), "a1_2_hydrant_pump_cabinet_fault": .bool(false)])
        #expect(f["annex_a_not_running"] == .bool(false))
        let g = try facts(["hydrant_system_required": .bool(true), "auto_extinguishing_required": .bool(false),
                           "fire_alarm_system_required": .bool(true), "a1_1_hydrant_pump_wont_start": .bool(true)])
        #expect(g["annex_a_not_running"] == nil)
    }

    @Test("A.2.4 灭火剂净重小于设计储存量的90%：恰为90%不构成，89.9%构成", arguments: [
        (900.0, 90.0, false), (899.0, 89.9, true),
    ])
    func gasAgentMass(net: Double, percent: Double, expected: Bool) throws {
        let f = try annex(hydrant: false, extinguishing: true, alarm: false, [
            "has_gas_extinguishing": .bool(true), "a2_4_gas_release_wont_start": .bool(false),
            "gas_agent_net_mass_kg": .number(net), "gas_agent_design_mass_kg": .number(1000),
        ])
        #expect(f["gas_agent_mass_percent"] == .number(percent))
        #expect(f["auto_extinguishing_fault"] == .bool(expected))
        #expect(f["annex_a_not_running"] == .bool(expected))
    }

    @Test("A.2.4 设计储存量为0是无效答案")
    func gasDesignMassZero() {
        #expect(throws: PluginError.self) {
            try annex(hydrant: false, extinguishing: true, alarm: false, [
                "has_gas_extinguishing": .bool(true), "gas_agent_net_mass_kg": .number(0), "gas_agent_design_mass_kg": .number(0),
            ])
        }
    }

    @Test("2025版事实全部声明；全部作答时全部得出")
    func declaresEvery2025Fact() throws {
        let declared = Set(plugin.declaredFacts.map(\.name))
        #expect(Self.facts2025.isSubset(of: declared))
        let f = try annex(hydrant: true, extinguishing: true, alarm: true, [
            "has_gas_extinguishing": .bool(true), "a2_4_gas_release_wont_start": .bool(false),
            "gas_agent_net_mass_kg": .number(95), "gas_agent_design_mass_kg": .number(100),
            "serves_children": .bool(false), "provides_centralised_elderly_care": .bool(false),
            "is_manufacturer_or_processing_logistics": .bool(true), "plant_or_warehouse": .string("plant"),
            "production_storage_hazard_class": .string("bing"), "workers_at_same_time": .number(10),
            "plant_floor_area_m2": .number(1000), "business_type_count": .number(0),
            "production_storage_combined_by_letting": .bool(false), "is_crowded_place": .bool(false),
            "in_underground_space": .bool(false),
        ])
        #expect(Self.facts2025.isSubset(of: Set(f.values.keys)))
    }

    @Test("插件 fire2025 要求清单声明它读取的每个问题，且只派生2025版事实")
    func declaredInputs() {
        let inputs = Set(plugin.declaredInputs.map(\.question.rawValue))
        #expect(plugin.id == "fire2025")
        #expect(inputs.count == plugin.declaredInputs.count)
        #expect(inputs.isSuperset(of: ["serves_children", "elderly_care_beds", "workers_at_same_time", "plant_floor_area_m2",
                                       "production_storage_hazard_class", "is_crowded_place", "in_underground_space"]))
        #expect(Set(plugin.declaredFacts.map(\.name)) == Self.facts2025)
    }
}
