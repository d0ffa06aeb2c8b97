public import HazardCore

/// GB 35181 重大火灾隐患: facts a plain condition cannot state cleanly, for both encoded
/// editions — `checklists/fire-safety/gb35181-2017.yaml` (判定方法) and
/// `checklists/fire-safety/gb35181-2025.yaml` (判定规则, in force from 2025-11-01).
///
/// The plugin only derives measurements and categories. Which elements count, the 4.2
/// exclusions and the composite counting rules stay in the checklists.
///
/// `declaredInputs` lists the questions both checklists declare with the same meaning (a
/// checklist naming the plugin must declare every one). The 2017-only inputs
/// (`FireSafetyInput`) and the 2025-only inputs (`FireSafetyInput2025`) are read when the
/// checklist declares them; otherwise the facts they feed are unknown.
///
/// GB 35181-2025 facts (used as `fire.<name>`; three-valued, unknown while an answer they
/// need is missing):
/// - `childrens_place` — 3.5: for children of 12 and under (lowest age served `<= 12`), not a
///   primary-school classroom.
/// - `elderly_care_facility` — 3.6: centralised care with ≥ 20 beds or ≥ 20 elderly people.
/// - `labour_intensive_enterprise`, `floor_area_per_worker_m2` — 3.7: 丙类 plant or warehouse
///   of a manufacturer or sorting/processing/packing logistics firm, > 50 people at work at
///   the same time, < 20 m² per person.
/// - `mixed_use_premises` — 3.9: ≥ 2 of the listed business types, or a labour-intensive
///   plant/warehouse combining production and storage by self-operation, 分租 or 转租.
/// - `crowded_place`, `underground_crowded_place` — 3.4 with the kinds above.
/// - `hydrant_system_fault`, `auto_extinguishing_fault`, `fire_alarm_system_fault`,
///   `gas_agent_mass_percent`, `annex_a_not_running` — Annex A.1–A.4.
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
            // GB 35181-2025
            FactDeclaration("childrens_place", .boolean,
                            label: "儿童活动场所：供12周岁及以下婴幼儿和少儿活动，非小学教学场所（2025版3.5）"),
            FactDeclaration("elderly_care_facility", .boolean,
                            label: "老年人照料设施：集中照料且床位总数或可容纳老年人总数≥20床（人）（2025版3.6）"),
            FactDeclaration("labour_intensive_enterprise", .boolean,
                            label: "劳动密集型企业：丙类厂房或仓库，同一时间生产作业人数＞50人且人均建筑面积＜20 m²（2025版3.7）"),
            FactDeclaration("floor_area_per_worker_m2", .number,
                            label: "人均建筑面积（m²/人，2025版3.7）"),
            FactDeclaration("mixed_use_premises", .boolean,
                            label: "多业态混合生产经营场所（2025版3.9）"),
            FactDeclaration("crowded_place", .boolean,
                            label: "人员密集场所，含儿童活动场所、老年人照料设施、劳动密集型企业生产加工车间（2025版3.4）"),
            FactDeclaration("underground_crowded_place", .boolean,
                            label: "地下人员密集场所（2025版5.1 d、e、g）"),
            FactDeclaration("hydrant_system_fault", .boolean,
                            label: "消防给水及消火栓系统存在附录A.1情形"),
            FactDeclaration("auto_extinguishing_fault", .boolean,
                            label: "自动灭火系统存在附录A.2情形"),
            FactDeclaration("fire_alarm_system_fault", .boolean,
                            label: "火灾自动报警系统存在附录A.3情形"),
            FactDeclaration("gas_agent_mass_percent", .number,
                            label: "气体灭火剂净重占设计储存量的百分比（附录A.2.4，小于90%即不能正常运行情形）"),
            FactDeclaration("annex_a_not_running", .boolean,
                            label: "火灾自动报警系统、固定灭火设施按附录A.4判定不能正常运行"),
        ]
    }

    public var declaredInputs: [InputDeclaration] { FireSafetyInput.shared }

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
        let crowdedUse = Self.or(try read.bool(In.isCrowdedPlace), try read.bool(In.buildingHasCrowdedPlace))
        let stairDoorThresholds = Self.stairDoorThresholds(highRise: highRise, crowdedUse: crowdedUse)
        if stairDoorThresholds.count == 1, let threshold = stairDoorThresholds.first {
            facts["stair_doors_threshold"] = .number(threshold)
        }
        if let share = try read.damageShare(damaged: In.stairDoorsDamaged, total: In.stairDoorsTotal) {
            facts["stair_doors_damage_percent"] = share.percent.map(Value.number)
            facts["stair_doors_exceeded"] = share.exceeded(anyOf: stairDoorThresholds).map(Value.bool)
        }
        try derive2025(read, into: &facts)
        return facts
    }

    /// GB 35181-2025: the categories of 3.4–3.9 and Annex A.
    private func derive2025(_ read: AnswerReader, into facts: inout Facts) throws(PluginError) {
        typealias In = FireSafetyInput2025
        func set(_ name: String, _ value: Bool?) { facts[name] = value.map(Value.bool) }

        let childrens = Categories2025.childrensPlace(
            servesChildren: try read.bool(In.servesChildren),
            ageFrom: try read.amount(In.childrenAgeFromYears),
            primarySchoolTeaching: try read.bool(In.isPrimarySchoolTeachingSpace))
        let elderly = Categories2025.elderlyCareFacility(
            centralisedCare: try read.bool(In.providesCentralisedElderlyCare),
            beds: try read.amount(In.elderlyCareBeds),
            elderly: try read.amount(In.elderlyCared))
        let workers = try read.amount(In.workersAtSameTime)
        let floorArea = try read.amount(In.plantFloorArea)
        let site = try read.text(In.plantOrWarehouse)
        // Only a plant or a warehouse has a 火灾危险性类别 of production or storage.
        var hazardClass: String? = "none"
        if site != Categories2025.Site.neither { hazardClass = try read.text(In.hazardClass) }
        let labour = Categories2025.labourIntensive(
            enterpriseKind: try read.bool(In.labourEnterpriseKind), hazardClass: hazardClass,
            workers: workers, floorArea: floorArea)
        let crowded = Categories2025.crowdedPlace(
            answered: try read.bool(In.isCrowdedPlace), childrens: childrens, elderly: elderly,
            labourIntensive: labour, plantOrWarehouse: site)
        set("childrens_place", childrens)
        set("elderly_care_facility", elderly)
        set("labour_intensive_enterprise", labour)
        facts["floor_area_per_worker_m2"] = Categories2025.floorAreaPerWorker(workers: workers, floorArea: floorArea).map(Value.number)
        set("mixed_use_premises", Categories2025.mixedUse(
            businessTypes: try read.amount(In.businessTypeCount), labourIntensive: labour,
            combinedByLetting: try read.bool(In.productionStorageCombinedByLetting)))
        set("crowded_place", crowded)
        set("underground_crowded_place", Kleene.and(crowded, try read.bool(In.inUndergroundSpace)))

        // Annex A.1–A.3, per system. A.2.4's mass test is read only where a gas system exists.
        let hydrant = Kleene.any([try read.bool(In.hydrantPumpWontStart), try read.bool(In.hydrantPumpCabinetFault)])
        let hasGas = try read.bool(In.hasGasExtinguishing)
        var gasPercent: Double?
        if hasGas == true, let net = try read.amount(In.gasAgentNetMass), let design = try read.requiredValue(In.gasAgentDesignMass) {
            gasPercent = Percentage.of(net, in: design)
        }
        let gas = Kleene.and(hasGas, Kleene.or(try read.bool(In.gasReleaseWontStart), AnnexA2025.gasAgentShort(percent: gasPercent)))
        let extinguishing = Kleene.any([
            try read.bool(In.extinguishingPumpWontStart), try read.bool(In.extinguishingPumpCabinetFault),
            try read.bool(In.alarmValveWontStart), gas, try read.bool(In.waterMistReleaseWontStart),
        ])
        let alarm = Kleene.any([
            try read.bool(In.alarmPanelPowerFault), try read.bool(In.alarmPanelFunctionFault),
            try read.bool(In.linkageControllerFault), try read.bool(In.alarmBusFault),
        ])
        set("hydrant_system_fault", hydrant)
        set("auto_extinguishing_fault", extinguishing)
        set("fire_alarm_system_fault", alarm)
        facts["gas_agent_mass_percent"] = gasPercent.map(Value.number)
        set("annex_a_not_running", AnnexA2025.notRunning([
            .init(required: try read.bool(In.hydrantSystemRequired), fault: hydrant),
            .init(required: try read.bool(In.autoExtinguishingRequired), fault: extinguishing),
            .init(required: try read.bool(In.fireAlarmSystemRequired), fault: alarm),
        ]))
    }

    /// GB 35181-2017 7.3.6: 30 % for 高层建筑和地下建筑, 50 % for 其他建筑. Both when unknown.
    static func exitSignsThresholds(highRise: Bool?, underground: Bool?) -> [Double] {
        switch or(highRise, underground) {
        case true?: return [30]
        case false?: return [50]
        case nil: return [30, 50]
        }
    }

    /// GB 35181-2017 7.3.7: 20 % for 设有人员密集场所的高层建筑, 50 % for 其他建筑.
    static func stairDoorThresholds(highRise: Bool?, crowdedUse: Bool?) -> [Double] {
        switch and(highRise, crowdedUse) {
        case true?: return [20]
        case false?: return [50]
        case nil: return [20, 50]
        }
    }

    /// Kleene disjunction: true wins over unknown.
    static func or(_ a: Bool?, _ b: Bool?) -> Bool? {
        if a == true || b == true { return true }
        if a == false && b == false { return false }
        return nil
    }

    /// Kleene conjunction: false wins over unknown.
    static func and(_ a: Bool?, _ b: Bool?) -> Bool? {
        if a == false || b == false { return false }
        if a == true && b == true { return true }
        return nil
    }
}
