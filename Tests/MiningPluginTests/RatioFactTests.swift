import HazardCore
import MiningPlugin
import Testing

/// 第四条 超能力、超强度、超定员 and 第八条 风量 of 应急管理部令第21号.
struct RatioFactTests {
    let annual = MiningPlugin.annualOutput
    let quarterly = MiningPlugin.quarterlyOutput
    let capacity = MiningPlugin.approvedCapacity

    @Test("全年产量超过核定能力110%为超能力：刚好110%不算，超过才算", arguments: [
        // (annual 万t, capacity 万t/a, over 110 %?)
        (131.9, 120.0, false),
        (132.0, 120.0, false),   // exactly 110 %
        (132.1, 120.0, true),
        (1.32, 1.2, false),      // exactly 110 % in Mt: must not be tipped by binary rounding
        (1.35, 1.2, true),       // reference example: 112.5 %
        (120.0, 120.0, false),
    ])
    func annualOverCapacity(output: Double, cap: Double, over: Bool) throws {
        let ratio = try #require(try fact("capacity_ratio", [annual: output, capacity: cap]))
        #expect((ratio > 1.1) == over)
    }

    @Test("参考示例：核定1.2 Mt/a、全年1.35 Mt ⇒ 112.5%")
    func referenceExampleAnnual() throws {
        #expect(try fact("capacity_ratio", [annual: 1.35, capacity: 1.2]) == 1.125)
        #expect(try fact("capacity_ratio", [annual: 135, capacity: 120]) == 1.125)
    }

    @Test("井工煤矿单季度产量超过核定能力30%为超强度", arguments: [
        (0.359, 1.2, false),
        (0.36, 1.2, false),      // exactly 30 %
        (0.37, 1.2, true),       // reference example: 0.37 Mt > 0.36 Mt
        (36.0, 120.0, false),
        (36.1, 120.0, true),
    ])
    func quarterlyOverIntensity(output: Double, cap: Double, over: Bool) throws {
        let ratio = try #require(try fact("quarterly_ratio", [quarterly: output, capacity: cap]))
        #expect((ratio > 0.3) == over)
    }

    @Test("单班作业人数超过限员120%为超定员", arguments: [
        (119.0, 100.0, false),
        (120.0, 100.0, false),   // exactly 120 %
        (121.0, 100.0, true),
        (17.0, 14.0, true),      // 121.4 %
        (18.0, 15.0, false),     // exactly 120 %
    ])
    func overManning(crew: Double, limit: Double, over: Bool) throws {
        let ratio = try #require(try fact("manning_ratio", [MiningPlugin.shiftCrew: crew, MiningPlugin.crewLimit: limit]))
        #expect((ratio > 1.2) == over)
    }

    @Test("采掘工作面供风量低于需风量75%为风量不足", arguments: [
        (749.0, 1000.0, true),
        (750.0, 1000.0, false),  // exactly 75 %
        (751.0, 1000.0, false),
        (74.9, 100.0, true),
        (450.0, 600.0, false),   // exactly 75 %
    ])
    func faceAirShort(supplied: Double, required: Double, short: Bool) throws {
        let ratio = try #require(try fact("face_air_ratio", [MiningPlugin.faceAirSupplied: supplied, MiningPlugin.faceAirRequired: required]))
        #expect((ratio < 0.75) == short)
    }

    @Test("产量与能力之比在阈值处精确（含非煤UG-30参考数值：300 kt/a设计能力、360 kt年产量、60 kt月产量）", arguments: [
        (360.0, 300.0, 1.2),
        (60.0, 300.0, 0.2),
        (132.0, 120.0, 1.1),
        (1.32, 1.2, 1.1),
        (0.36, 1.2, 0.3),
        (1.35, 1.2, 1.125),
    ])
    func ratiosAreExactAtThresholds(output: Double, cap: Double, expected: Double) throws {
        #expect(try fact("capacity_ratio", [annual: output, capacity: cap]) == expected)
    }
}
