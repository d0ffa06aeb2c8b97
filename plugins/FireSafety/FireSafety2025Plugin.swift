public import HazardCore

/// GB 35181-2025 重大火灾隐患判定规则 (in force 2025-11-01): facts a plain condition cannot
/// state cleanly, for `checklists/fire-safety/gb35181-2025.yaml`.
///
/// It derives the kinds of place from the new definitions (3.4–3.9) and Annex A's verdict of a
/// system that "cannot run normally". Which elements count, the 4.2 exclusions and the count of
/// composite elements (4.1 c) stay in the checklist. Facts (used as `fire2025.<name>`) are
/// three-valued: left out while an answer they need is missing.
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
public struct FireSafety2025Plugin: SectorPlugin {
    public init() {}

    public var id: String { "fire2025" }

    public var summary: String {
        "GB 35181-2025 重大火灾隐患判定规则：场所类别（儿童活动场所、老年人照料设施、劳动密集型企业、多业态混合、人员密集场所）及附录A不能正常运行判定"
    }

    public var declaredFacts: [FactDeclaration] {
        [
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

    public var declaredInputs: [InputDeclaration] { FireSafetyInput2025.declarations }

    public func derive(from answers: Answers) throws(PluginError) -> Facts {
        let read = AnswerReader(answers: answers)
        var facts = Facts()
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
        let hydrant = Kleene.or([try read.bool(In.hydrantPumpWontStart), try read.bool(In.hydrantPumpCabinetFault)])
        let hasGas = try read.bool(In.hasGasExtinguishing)
        var gasPercent: Double?
        if hasGas == true, let net = try read.amount(In.gasAgentNetMass), let design = try read.requiredValue(In.gasAgentDesignMass) {
            gasPercent = Percentage.of(net, in: design)
        }
        let gas = Kleene.and(hasGas, Kleene.or(try read.bool(In.gasReleaseWontStart), AnnexA2025.gasAgentShort(percent: gasPercent)))
        let extinguishing = Kleene.or([
            try read.bool(In.extinguishingPumpWontStart), try read.bool(In.extinguishingPumpCabinetFault),
            try read.bool(In.alarmValveWontStart), gas, try read.bool(In.waterMistReleaseWontStart),
        ])
        let alarm = Kleene.or([
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
        return facts
    }
}
