import HazardCore

/// Questions of `checklists/fire-safety/gb35181-2025.yaml` that `FireSafety2025Plugin` reads for
/// GB 35181-2025 《重大火灾隐患判定规则》 (terms 3.4–3.9 and Annex A).
///
/// A checklist naming `fire2025` must declare every one of them with a compatible type
/// (`declarations`), checked when it loads; unanswered, they leave the facts they feed unknown.
enum FireSafetyInput2025 {
    // 3.4 人员密集场所 (the kinds the 2025 definitions do not decide).
    static let isCrowdedPlace: QuestionID = FireSafetyInput.isCrowdedPlace
    static let inUndergroundSpace: QuestionID = FireSafetyInput.inUndergroundSpace

    // 3.5 儿童活动场所: 供12周岁及以下婴幼儿和少儿活动的场所; 小学学校的教室等教学场所除外.
    static let servesChildren: QuestionID = "serves_children"
    static let childrenAgeFromYears: QuestionID = "children_age_from_years"
    static let isPrimarySchoolTeachingSpace: QuestionID = "is_primary_school_teaching_space"

    // 3.6 老年人照料设施: 床位总数（可容纳老年人总数）≥ 20 床（人）, 提供集中照料服务.
    static let providesCentralisedElderlyCare: QuestionID = "provides_centralised_elderly_care"
    static let elderlyCareBeds: QuestionID = "elderly_care_beds"
    static let elderlyCared: QuestionID = "elderly_cared_for"

    // 3.7 劳动密集型企业: 生产加工企业或有分拣、加工、包装等作业的仓储物流企业; 厂房或仓库丙类;
    // 同一时间生产作业人数超过50人; 人均建筑面积小于20 m².
    static let labourEnterpriseKind: QuestionID = "is_manufacturer_or_processing_logistics"
    static let plantOrWarehouse: QuestionID = "plant_or_warehouse"
    static let hazardClass: QuestionID = "production_storage_hazard_class"
    static let workersAtSameTime: QuestionID = "workers_at_same_time"
    static let plantFloorArea: QuestionID = "plant_floor_area_m2"

    // 3.9 多业态混合生产经营场所.
    static let businessTypeCount: QuestionID = "business_type_count"
    static let productionStorageCombinedByLetting: QuestionID = "production_storage_combined_by_letting"

    // Annex A: which of the three systems the standards require, and the A.1–A.3 conditions.
    static let hydrantSystemRequired: QuestionID = "hydrant_system_required"
    static let autoExtinguishingRequired: QuestionID = "auto_extinguishing_required"
    static let fireAlarmSystemRequired: QuestionID = "fire_alarm_system_required"
    /// A.1.1 / A.2.1: 消防水泵（泡沫液泵）自动、手动等控制方式均无法启动.
    static let hydrantPumpWontStart: QuestionID = "a1_1_hydrant_pump_wont_start"
    /// A.1.2 / A.2.2: 水泵控制柜未接入消防电源、消防电源故障或控制功能失效.
    static let hydrantPumpCabinetFault: QuestionID = "a1_2_hydrant_pump_cabinet_fault"
    static let extinguishingPumpWontStart: QuestionID = "a2_1_extinguishing_pump_wont_start"
    static let extinguishingPumpCabinetFault: QuestionID = "a2_2_extinguishing_pump_cabinet_fault"
    /// A.2.3: 报警阀或电动、气动控制阀无法启动.
    static let alarmValveWontStart: QuestionID = "a2_3_alarm_valve_wont_start"
    /// A.2.4: 气体灭火系统启动装置自动、手动均无法启动, 或灭火剂净重小于设计储存量的90%.
    static let hasGasExtinguishing: QuestionID = "has_gas_extinguishing"
    static let gasReleaseWontStart: QuestionID = "a2_4_gas_release_wont_start"
    static let gasAgentNetMass: QuestionID = "gas_agent_net_mass_kg"
    static let gasAgentDesignMass: QuestionID = "gas_agent_design_mass_kg"
    /// A.2.5: 瓶组式细水雾启动装置自动、手动均无法启动.
    static let waterMistReleaseWontStart: QuestionID = "a2_5_water_mist_release_wont_start"
    /// A.3.1–A.3.4: 火灾报警控制器、联动控制器、报警总线.
    static let alarmPanelPowerFault: QuestionID = "a3_1_alarm_panel_power_fault"
    static let alarmPanelFunctionFault: QuestionID = "a3_2_alarm_panel_function_fault"
    static let linkageControllerFault: QuestionID = "a3_3_linkage_controller_fault"
    static let alarmBusFault: QuestionID = "a3_4_alarm_bus_fault"

    /// Every input, with the type the checklist must declare it with.
    static let declarations: [InputDeclaration] = [
        InputDeclaration(isCrowdedPlace, .boolean),
        InputDeclaration(inUndergroundSpace, .boolean),
        InputDeclaration(servesChildren, .boolean),
        InputDeclaration(childrenAgeFromYears, .number),
        InputDeclaration(isPrimarySchoolTeachingSpace, .boolean),
        InputDeclaration(providesCentralisedElderlyCare, .boolean),
        InputDeclaration(elderlyCareBeds, .number),
        InputDeclaration(elderlyCared, .number),
        InputDeclaration(labourEnterpriseKind, .boolean),
        InputDeclaration(plantOrWarehouse, .enumeration(Categories2025.Site.all)),
        InputDeclaration(hazardClass, .enumeration(Categories2025.HazardClass.all)),
        InputDeclaration(workersAtSameTime, .number),
        InputDeclaration(plantFloorArea, .number),
        InputDeclaration(businessTypeCount, .number),
        InputDeclaration(productionStorageCombinedByLetting, .boolean),
        InputDeclaration(hydrantSystemRequired, .boolean),
        InputDeclaration(autoExtinguishingRequired, .boolean),
        InputDeclaration(fireAlarmSystemRequired, .boolean),
        InputDeclaration(hydrantPumpWontStart, .boolean),
        InputDeclaration(hydrantPumpCabinetFault, .boolean),
        InputDeclaration(extinguishingPumpWontStart, .boolean),
        InputDeclaration(extinguishingPumpCabinetFault, .boolean),
        InputDeclaration(alarmValveWontStart, .boolean),
        InputDeclaration(hasGasExtinguishing, .boolean),
        InputDeclaration(gasReleaseWontStart, .boolean),
        InputDeclaration(gasAgentNetMass, .number),
        InputDeclaration(gasAgentDesignMass, .number),
        InputDeclaration(waterMistReleaseWontStart, .boolean),
        InputDeclaration(alarmPanelPowerFault, .boolean),
        InputDeclaration(alarmPanelFunctionFault, .boolean),
        InputDeclaration(linkageControllerFault, .boolean),
        InputDeclaration(alarmBusFault, .boolean),
    ]
}
