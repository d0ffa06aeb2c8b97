/// Crane groups with different periodic-inspection intervals.
///
/// [M] TSG Q7015-2016 (from memory; check against the official text): 塔式起重机、升降机、
/// 流动式起重机 every year; 桥式、门式、门座、缆索、桅杆、铁路、旋臂起重机、轻小型起重设备、
/// 机械式停车设备 every 2 years, except cranes lifting molten or red-hot metal (吊运熔融金属和
/// 炽热金属), every year.
enum CraneKind: String, CaseIterable, Sendable {
    /// 塔式起重机、升降机、流动式起重机.
    case towerHoistMobile = "tower_hoist_mobile"
    /// 吊运熔融金属或炽热金属的起重机.
    case moltenMetal = "molten_metal"
    /// 桥式、门式等其他起重机械.
    case other
}
