import HazardCore

/// The periodic-inspection (定期检验) interval of one piece of equipment, in months.
///
/// GB 45067-2024 and the project reference give no intervals; every figure below is
/// [M] from memory of the TSG safety technical specifications — check against the official
/// texts before release. An interval stated by the inspection body (the answer
/// `inspection_interval_months`, e.g. read off the last report's 下次检验日期) always wins.
///
/// | type | interval | rule [M] |
/// |---|---|---|
/// | 锅炉 | 12 | TSG 11-2020: 外部检验每年一次 (内部检验每2年, 耐压试验按需) — the shortest cycle |
/// | 压力容器 | 72 / 36 / 36 / 0 | TSG 21-2016: 安全状况等级1–2级一般每6年; 3级每3–6年 (3 used); 4级监控使用, 累计不超过3年; 5级不得继续使用 |
/// | 压力管道 | 72 / 36 / 36 | TSG D7005-2018 (工业管道): 1–2级不超过6年 (GC3 不超过9年: give the interval); 3级不超过3年; 4级监控使用, 累计不超过3年 |
/// | 气瓶 | 24 / 36 / 60 / 48 | TSG 23-2021: 腐蚀性气体2年, 一般气体3年, 惰性气体5年, 液化石油气钢瓶4年 |
/// | 充装 | — | an activity, not one piece of equipment: only an explicit interval |
/// | 电梯 | 12 | TSG T7001: 每年一次 (regions that alternate 检验/检测 annually: give the interval) |
/// | 起重机械 | 12 / 24 | TSG Q7015-2016: see `CraneKind` |
/// | 客运索道 | 12 | TSG S7001: 每年一次 |
/// | 大型游乐设施 | 12 | TSG Y7002: 每年一次 |
/// | 场（厂）内专用机动车辆 | 12 | TSG N0001-2017 / TSG N7001: 每年一次 |
enum PeriodicInspectionInterval {
    /// The interval in months, or nil when an answer it needs (safety grade, crane kind,
    /// cylinder gas class) is missing or the type has no default interval.
    static func months(
        for type: EquipmentType,
        safetyGrade: Int?,
        craneKind: CraneKind?,
        cylinderGasClass: CylinderGasClass?
    ) throws(PluginError) -> Int? {
        switch type {
        case .boiler:
            return 12
        case .pressureVessel:
            guard let safetyGrade else { return nil }
            switch safetyGrade {
            case 1, 2: return 72
            case 3, 4: return 36
            case 5: return 0
            default: throw gradeError("压力容器安全状况等级应为1–5级，得到 \(safetyGrade)")
            }
        case .pressurePiping:
            guard let safetyGrade else { return nil }
            switch safetyGrade {
            case 1, 2: return 72
            case 3, 4: return 36
            default: throw gradeError("压力管道安全状况等级应为1–4级，得到 \(safetyGrade)")
            }
        case .gasCylinder:
            switch cylinderGasClass {
            case .corrosive: return 24
            case .general: return 36
            case .inert: return 60
            case .lpgSteel: return 48
            case nil: return nil
            }
        case .cylinderFilling:
            return nil
        case .elevator, .passengerRopeway, .amusementRide, .siteVehicle:
            return 12
        case .crane:
            switch craneKind {
            case .towerHoistMobile, .moltenMetal: return 12
            case .other: return 24
            case nil: return nil
            }
        }
    }

    private static func gradeError(_ message: String) -> PluginError {
        PluginError(code: "bad_safety_grade", message: message, question: "safety_grade")
    }
}
