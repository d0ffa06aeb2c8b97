import HazardCore
import Testing
import FireSafetyPlugin

/// Ratio facts: actual value as a percentage of the code value (GB 35181-2017 6.2, 6.5,
/// 7.1.2, 7.2.1, 7.3.5), checked just under, at and just over each threshold.
@Suite("GB 35181-2017 ratio facts")
struct RatioFactsTests {
    let plugin = FireSafetyPlugin()

    func facts(_ values: [QuestionID: Value]) throws(PluginError) -> Facts {
        try plugin.derive(from: Answers(values, inspectionDate: Day(iso: "2025-06-01")))
    }

    @Test("6.2 防火间距小于规定值的75%: 7.49 / 7.5 / 7.51 m of 10 m", arguments: [
        (7.49, 74.9, true), (7.5, 75.0, false), (7.51, 75.1, false),
    ])
    func flammableSeparation(actual: Double, percent: Double, major: Bool) throws {
        let f = try facts(["flammable_separation_m": .number(actual), "flammable_separation_required_m": .number(10)])
        #expect(f["flammable_separation_percent"] == .number(percent))
        #expect(((f["flammable_separation_percent"]?.number ?? .nan) < 75) == major)
    }

    @Test("6.2 at exactly 75 % with awkward decimals (2.1 m of 2.8 m)")
    func flammableSeparationDecimals() throws {
        let f = try facts(["flammable_separation_m": .number(2.1), "flammable_separation_required_m": .number(2.8)])
        #expect(f["flammable_separation_percent"] == .number(75))
    }

    @Test("6.5 安全出口总净宽度小于规定值的80%: 7.99 / 8 / 8.01 m of 10 m", arguments: [
        (7.99, 79.9, true), (8.0, 80.0, false), (8.01, 80.1, false),
    ])
    func exitWidth(actual: Double, percent: Double, major: Bool) throws {
        let f = try facts(["exit_total_width_m": .number(actual), "exit_total_width_required_m": .number(10)])
        #expect(f["exit_width_percent"] == .number(percent))
        #expect(((f["exit_width_percent"]?.number ?? .nan) < 80) == major)
    }

    @Test("7.1.2 防火间距小于规定值的80%: 7.99 / 8 / 8.01 m of 10 m", arguments: [
        (7.99, 79.9), (8.0, 80.0), (8.01, 80.1),
    ])
    func buildingSeparation(actual: Double, percent: Double) throws {
        let f = try facts(["building_separation_m": .number(actual), "building_separation_required_m": .number(10)])
        #expect(f["building_separation_percent"] == .number(percent))
    }

    @Test("7.2.1 [M] 防火分区面积大于规定值的50%: 1499 / 1500 / 1501 m² of 1000 m²", arguments: [
        (1499.0, 49.9), (1500.0, 50.0), (1501.0, 50.1),
    ])
    func compartmentExcess(area: Double, excess: Double) throws {
        let f = try facts(["compartment_area_m2": .number(area), "compartment_area_allowed_m2": .number(1000)])
        #expect(f["compartment_area_excess_percent"] == .number(excess))
    }

    @Test("7.3.5 疏散距离大于规定值的125%: 37.47 / 37.5 / 37.53 m of 30 m", arguments: [
        (37.47, 124.9), (37.5, 125.0), (37.53, 125.1),
    ])
    func shopTravelDistance(actual: Double, percent: Double) throws {
        let f = try facts(["shop_travel_distance_m": .number(actual), "shop_travel_distance_allowed_m": .number(30)])
        #expect(f["shop_travel_distance_percent"] == .number(percent))
    }

    @Test("a ratio is unknown while either value is unanswered", arguments: [
        ["flammable_separation_m": Value.number(5)],
        ["flammable_separation_required_m": Value.number(10)],
        [:],
    ])
    func unknownRatio(values: [QuestionID: Value]) throws {
        #expect(try facts(values)["flammable_separation_percent"] == nil)
    }

    @Test("a code value of 0 is an answer error")
    func zeroRequiredValue() {
        #expect(throws: PluginError.self) {
            try facts(["exit_total_width_m": .number(3), "exit_total_width_required_m": .number(0)])
        }
    }

    @Test("a negative measurement is an answer error")
    func negativeMeasurement() {
        #expect(throws: PluginError.self) {
            try facts(["building_separation_m": .number(-1), "building_separation_required_m": .number(10)])
        }
    }

    @Test("the plugin is `fire` and declares every fact it derives")
    func declarations() throws {
        #expect(plugin.id == "fire")
        let declared = Set(plugin.declaredFacts.map(\.name))
        let f = try facts([
            "flammable_separation_m": .number(5), "flammable_separation_required_m": .number(10),
            "exit_total_width_m": .number(5), "exit_total_width_required_m": .number(10),
            "building_separation_m": .number(5), "building_separation_required_m": .number(10),
            "compartment_area_m2": .number(5), "compartment_area_allowed_m2": .number(10),
            "fire_separations_total_count": .number(4), "fire_separations_damaged_count": .number(1),
            "shop_travel_distance_m": .number(5), "shop_travel_distance_allowed_m": .number(10),
            "in_high_rise_building": .bool(true), "in_underground_space": .bool(false),
            "is_crowded_place": .bool(true),
            "exit_signs_required_count": .number(10), "exit_signs_damaged_count": .number(1),
            "stair_doors_total_count": .number(10), "stair_doors_damaged_count": .number(1),
        ])
        // Every 2017 fact is derived, and nothing undeclared is (the 2025 facts are fire2025's).
        #expect(Set(f.values.keys) == declared)
        #expect(declared.isDisjoint(with: GB35181_2025FactsTests.facts2025))
    }
}
