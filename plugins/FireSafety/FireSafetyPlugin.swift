public import HazardCore

/// GB 35181-2017 重大火灾隐患判定方法: facts a plain condition cannot state cleanly, for
/// `checklists/fire-safety/gb35181-2017.yaml`. The 2025 edition has its own plugin,
/// `FireSafety2025Plugin` (`fire2025`), so that each checklist must declare every question its
/// plugin reads, checked when it loads.
///
/// The plugin only derives measurements and categories. Which elements count, the 4.2
/// exclusions and the composite counting rules stay in the checklists.
///
/// `declaredInputs` lists the questions both checklists declare with the same meaning (a
/// checklist naming the plugin must declare every one). The 2017-only inputs
/// (`FireSafetyInput`) and the 2025-only inputs (`FireSafetyInput2025`) are read when the
/// checklist declares them; otherwise the facts they feed are unknown.
///
/// GB 35181-2017 facts:
/// - `flammable_separation_percent` — 6.2: separation between a flammable/explosive site and
///   crowded or residential premises, % of the code value (major when < 75).
/// - `exit_width_percent` — 6.5 and 7.3.3: total net exit width, % of the code value
///   (major when < 80 for the sites of 6.5).
/// - `building_separation_percent` — 7.1.2: separation between buildings, % of the code value
///   (element when < 80).
/// - `compartment_area_excess_percent` — 7.2.1: how far a changed fire compartment exceeds
///   its permitted area, % of that area (element when > 50). [M] reading of
///   "大于规定值的50%" as "exceeds by more than 50 %", from memory; check the official text.
/// - `fire_separations_damage_percent`, `fire_separations_exceeded` — 7.2.2: damaged fire
///   doors/shutters, % of those in the compartment, and whether > 50.
/// - `shop_travel_distance_percent` — 7.3.5: travel distance in a shop's sales hall, % of the
///   code value (element when > 125).
/// - `exit_signs_damage_percent`, `exit_signs_threshold`, `exit_signs_exceeded` — 7.3.6:
///   damaged exit signs and emergency lights, % of the number required; threshold 30 in
///   high-rise and underground buildings, 50 in others.
/// - `stair_doors_damage_percent`, `stair_doors_threshold`, `stair_doors_exceeded` — 7.3.7:
///   damaged doors of enclosed and smoke-proof staircases, % of those installed; threshold
///   20 in a high-rise building with crowded premises, 50 in others.
public struct FireSafetyPlugin: SectorPlugin {
    public init() {}

    public var id: String { "fire" }

    public var summary: String {
        "GB 35181 重大火灾隐患：2017版防火间距、疏散宽度比值及损坏率阈值；2025版场所类别（儿童活动场所、老年人照料设施、劳动密集型企业、多业态混合）及附录A不能正常运行判定"
    }

    public var declaredFacts: [FactDeclaration] {
        [
            FactDeclaration("flammable_separation_percent", .number,
                            label: "易燃易爆危险品场所与人员密集场所、居住场所的防火间距占规定值的百分比（6.2）"),
            FactDeclaration("exit_width_percent", .number,
                            label: "安全出口总净宽度占规定值的百分比（6.5、7.3.3）"),
            FactDeclaration("building_separation_percent", .number,
                            label: "建筑之间防火间距占规定值的百分比（7.1.2）"),
            FactDeclaration("compartment_area_excess_percent", .number,
                            label: "防火分区实际面积超出规定值的百分比（7.2.1）"),
            FactDeclaration("fire_separations_damage_percent", .number,
                            label: "防火门、防火卷帘等防火分隔设施损坏率（%，7.2.2）"),
            FactDeclaration("fire_separations_exceeded", .boolean,
                            label: "防火分隔设施损坏数量大于总数的50%（7.2.2）"),
            FactDeclaration("shop_travel_distance_percent", .number,
                            label: "商店营业厅内疏散距离占规定值的百分比（7.3.5）"),
            FactDeclaration("exit_signs_damage_percent", .number,
                            label: "疏散指示标志、应急照明损坏率（%，按应设置数量计，7.3.6）"),
            FactDeclaration("exit_signs_threshold", .number,
                            label: "疏散指示标志、应急照明损坏率阈值（高层、地下建筑30%，其他50%）"),
            FactDeclaration("exit_signs_exceeded", .boolean,
                            label: "疏散指示标志、应急照明损坏率大于阈值（7.3.6）"),
            FactDeclaration("stair_doors_damage_percent", .number,
                            label: "封闭楼梯间、防烟楼梯间的门损坏率（%，7.3.7）"),
            FactDeclaration("stair_doors_threshold", .number,
                            label: "楼梯间门损坏率阈值（设有人员密集场所的高层建筑20%，其他50%）"),
            FactDeclaration("stair_doors_exceeded", .boolean,
                            label: "楼梯间门损坏率超过阈值（7.3.7）"),
        ]
    }

    public var declaredInputs: [InputDeclaration] { FireSafetyInput.declarations }

    public func derive(from answers: Answers) throws(PluginError) -> Facts {
        let read = AnswerReader(answers: answers)
        var facts = Facts()
        typealias In = FireSafetyInput

        // 6.2, 6.5/7.3.3, 7.1.2, 7.3.5: actual as a percentage of the code value.
        facts["flammable_separation_percent"] = try read.percentage(In.flammableSeparation, of: In.flammableSeparationRequired).map(Value.number)
        facts["exit_width_percent"] = try read.percentage(In.exitTotalWidth, of: In.exitTotalWidthRequired).map(Value.number)
        facts["building_separation_percent"] = try read.percentage(In.buildingSeparation, of: In.buildingSeparationRequired).map(Value.number)
        facts["shop_travel_distance_percent"] = try read.percentage(In.shopTravelDistance, of: In.shopTravelDistanceAllowed).map(Value.number)

        // 7.2.1 [M reading]: excess of the actual compartment area over the permitted area.
        if let area = try read.amount(In.compartmentArea), let allowed = try read.requiredValue(In.compartmentAreaAllowed) {
            facts["compartment_area_excess_percent"] = .number(Percentage.excess(of: area, over: allowed))
        }

        // 7.2.2: damaged separations > 50 % of those in the compartment.
        if let share = try read.damageShare(damaged: In.fireSeparationsDamaged, total: In.fireSeparationsTotal) {
            facts["fire_separations_damage_percent"] = share.percent.map(Value.number)
            facts["fire_separations_exceeded"] = share.exceeded(anyOf: [50]).map(Value.bool)
        }

        // 7.3.6: > 30 % in high-rise and underground buildings, > 50 % in others.
        let highRise = try read.bool(In.inHighRiseBuilding)
        let underground = try read.bool(In.inUndergroundSpace)
        let exitSignsThresholds = Self.exitSignsThresholds(highRise: highRise, underground: underground)
        if exitSignsThresholds.count == 1, let threshold = exitSignsThresholds.first {
            facts["exit_signs_threshold"] = .number(threshold)
        }
        if let share = try read.damageShare(damaged: In.exitSignsDamaged, total: In.exitSignsRequired) {
            facts["exit_signs_damage_percent"] = share.percent.map(Value.number)
            facts["exit_signs_exceeded"] = share.exceeded(anyOf: exitSignsThresholds).map(Value.bool)
        }

        // 7.3.7: > 20 % in a high-rise building with crowded premises, > 50 % in others.
        let crowdedUse = Kleene.or(try read.bool(In.isCrowdedPlace), try read.bool(In.buildingHasCrowdedPlace))
        let stairDoorThresholds = Self.stairDoorThresholds(highRise: highRise, crowdedUse: crowdedUse)
        if stairDoorThresholds.count == 1, let threshold = stairDoorThresholds.first {
            facts["stair_doors_threshold"] = .number(threshold)
        }
        if let share = try read.damageShare(damaged: In.stairDoorsDamaged, total: In.stairDoorsTotal) {
            facts["stair_doors_damage_percent"] = share.percent.map(Value.number)
            facts["stair_doors_exceeded"] = share.exceeded(anyOf: stairDoorThresholds).map(Value.bool)
        }
        return facts
    }

    /// GB 35181-2017 7.3.6: 30 % for 高层建筑和地下建筑, 50 % for 其他建筑. Both when unknown.
    static func exitSignsThresholds(highRise: Bool?, underground: Bool?) -> [Double] {
        switch Kleene.or(highRise, underground) {
        case true?: return [30]
        case false?: return [50]
        case nil: return [30, 50]
        }
    }

    /// GB 35181-2017 7.3.7: 20 % for 设有人员密集场所的高层建筑, 50 % for 其他建筑.
    static func stairDoorThresholds(highRise: Bool?, crowdedUse: Bool?) -> [Double] {
        switch Kleene.and(highRise, crowdedUse) {
        case true?: return [20]
        case false?: return [50]
        case nil: return [20, 50]
        }
    }
}
