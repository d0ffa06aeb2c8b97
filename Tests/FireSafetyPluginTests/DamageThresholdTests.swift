import HazardCore
import Testing
import FireSafetyPlugin

/// Damage rates and their building-dependent thresholds (GB 35181-2017 7.2.2, 7.3.6, 7.3.7),
/// checked just under, at and just over each threshold ("大于"/"超过" ⇒ strictly greater).
@Suite("GB 35181-2017 damage thresholds")
struct DamageThresholdTests {
    let plugin = FireSafetyPlugin()

    func facts(_ values: [QuestionID: Value]) throws(PluginError) -> Facts {
        try plugin.derive(from: Answers(values))
    }

    // MARK: 7.2.2

    @Test("7.2.2 防火分隔设施损坏数量大于总数的50%: 49 / 50 / 51 of 100", arguments: [
        (49.0, false), (50.0, false), (51.0, true),
    ])
    func fireSeparations(damaged: Double, exceeded: Bool) throws {
        let f = try facts(["fire_separations_total_count": .number(100), "fire_separations_damaged_count": .number(damaged)])
        #expect(f["fire_separations_damage_percent"] == .number(damaged))
        #expect(f["fire_separations_exceeded"] == .bool(exceeded))
    }

    @Test("7.2.2 small compartments: 1 of 2 is not over half, 2 of 3 is")
    func fireSeparationsSmall() throws {
        #expect(try facts(["fire_separations_total_count": .number(2), "fire_separations_damaged_count": .number(1)])["fire_separations_exceeded"] == .bool(false))
        #expect(try facts(["fire_separations_total_count": .number(3), "fire_separations_damaged_count": .number(2)])["fire_separations_exceeded"] == .bool(true))
    }

    // MARK: 7.3.6

    @Test("7.3.6 high-rise or underground: > 30 %", arguments: [
        (true, false, 29.0, false), (true, false, 30.0, false), (true, false, 31.0, true),
        (false, true, 29.0, false), (false, true, 30.0, false), (false, true, 31.0, true),
        (true, true, 31.0, true),
    ])
    func exitSignsHighRiseOrUnderground(highRise: Bool, underground: Bool, damaged: Double, exceeded: Bool) throws {
        let f = try facts([
            "in_high_rise_building": .bool(highRise), "in_underground_space": .bool(underground),
            "exit_signs_required_count": .number(100), "exit_signs_damaged_count": .number(damaged),
        ])
        #expect(f["exit_signs_threshold"] == .number(30))
        #expect(f["exit_signs_damage_percent"] == .number(damaged))
        #expect(f["exit_signs_exceeded"] == .bool(exceeded))
    }

    @Test("7.3.6 other buildings: > 50 %", arguments: [
        (49.0, false), (50.0, false), (51.0, true),
    ])
    func exitSignsOther(damaged: Double, exceeded: Bool) throws {
        let f = try facts([
            "in_high_rise_building": .bool(false), "in_underground_space": .bool(false),
            "exit_signs_required_count": .number(100), "exit_signs_damaged_count": .number(damaged),
        ])
        #expect(f["exit_signs_threshold"] == .number(50))
        #expect(f["exit_signs_exceeded"] == .bool(exceeded))
    }

    @Test("7.3.6 exactly 30 %: 3 of 10 lamps is not over the threshold")
    func exitSignsExactlyThirty() throws {
        let f = try facts([
            "in_high_rise_building": .bool(true), "in_underground_space": .bool(false),
            "exit_signs_required_count": .number(10), "exit_signs_damaged_count": .number(3),
        ])
        #expect(f["exit_signs_damage_percent"] == .number(30))
        #expect(f["exit_signs_exceeded"] == .bool(false))
    }

    @Test("7.3.6 building kind unanswered: decided only where 30 % and 50 % agree", arguments: [
        (20.0, Optional(false)), (40.0, nil), (60.0, Optional(true)),
    ])
    func exitSignsUnknownKind(damaged: Double, exceeded: Bool?) throws {
        let f = try facts(["exit_signs_required_count": .number(100), "exit_signs_damaged_count": .number(damaged)])
        #expect(f["exit_signs_threshold"] == nil)
        #expect(f["exit_signs_exceeded"] == exceeded.map(Value.bool))
    }

    @Test("7.3.6 a high-rise answer alone fixes the threshold at 30 %")
    func exitSignsHighRiseAlone() throws {
        let f = try facts(["in_high_rise_building": .bool(true)])
        #expect(f["exit_signs_threshold"] == .number(30))
        #expect(f["exit_signs_exceeded"] == nil)
    }

    // MARK: 7.3.7

    @Test("7.3.7 high-rise building with crowded premises: > 20 %", arguments: [
        (19.0, false), (20.0, false), (21.0, true),
    ])
    func stairDoorsHighRiseCrowded(damaged: Double, exceeded: Bool) throws {
        let f = try facts([
            "in_high_rise_building": .bool(true), "is_crowded_place": .bool(true),
            "stair_doors_total_count": .number(100), "stair_doors_damaged_count": .number(damaged),
        ])
        #expect(f["stair_doors_threshold"] == .number(20))
        #expect(f["stair_doors_damage_percent"] == .number(damaged))
        #expect(f["stair_doors_exceeded"] == .bool(exceeded))
    }

    @Test("7.3.7 crowded premises elsewhere in the high-rise building also mean 20 %")
    func stairDoorsCrowdedElsewhere() throws {
        let f = try facts([
            "in_high_rise_building": .bool(true), "is_crowded_place": .bool(false), "building_has_crowded_place": .bool(true),
            "stair_doors_total_count": .number(10), "stair_doors_damaged_count": .number(3),
        ])
        #expect(f["stair_doors_threshold"] == .number(20))
        #expect(f["stair_doors_exceeded"] == .bool(true))
    }

    @Test("7.3.7 other buildings: > 50 %", arguments: [
        (false, true, 49.0, false), (false, true, 50.0, false), (false, true, 51.0, true),
        (true, false, 49.0, false), (true, false, 50.0, false), (true, false, 51.0, true),
    ])
    func stairDoorsOther(highRise: Bool, crowded: Bool, damaged: Double, exceeded: Bool) throws {
        let f = try facts([
            "in_high_rise_building": .bool(highRise), "is_crowded_place": .bool(crowded), "building_has_crowded_place": .bool(crowded),
            "stair_doors_total_count": .number(100), "stair_doors_damaged_count": .number(damaged),
        ])
        #expect(f["stair_doors_threshold"] == .number(50))
        #expect(f["stair_doors_exceeded"] == .bool(exceeded))
    }

    @Test("7.3.7 high-rise with crowded use unanswered: decided only where 20 % and 50 % agree", arguments: [
        (15.0, Optional(false)), (30.0, nil), (55.0, Optional(true)),
    ])
    func stairDoorsUnknownUse(damaged: Double, exceeded: Bool?) throws {
        let f = try facts([
            "in_high_rise_building": .bool(true), "is_crowded_place": .bool(false),
            "stair_doors_total_count": .number(100), "stair_doors_damaged_count": .number(damaged),
        ])
        #expect(f["stair_doors_threshold"] == nil)
        #expect(f["stair_doors_exceeded"] == exceeded.map(Value.bool))
    }

    // MARK: counts

    @Test("nothing installed or required: never exceeded, no rate")
    func zeroTotal() throws {
        let f = try facts(["in_high_rise_building": .bool(true), "stair_doors_total_count": .number(0)])
        #expect(f["stair_doors_exceeded"] == .bool(false))
        #expect(f["stair_doors_damage_percent"] == nil)
    }

    @Test("rates are unknown while a count is unanswered")
    func unansweredCount() throws {
        let f = try facts(["in_high_rise_building": .bool(true), "in_underground_space": .bool(false), "exit_signs_required_count": .number(10)])
        #expect(f["exit_signs_exceeded"] == nil)
        #expect(f["exit_signs_damage_percent"] == nil)
    }

    @Test("more damaged than counted is an answer error naming the damaged count")
    func damagedExceedsTotal() {
        do {
            _ = try facts(["fire_separations_total_count": .number(4), "fire_separations_damaged_count": .number(5)])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "damaged_exceeds_total")
            #expect(error.question == "fire_separations_damaged_count")
        }
    }
}
