/// Gas classes of 气瓶 with different periodic-inspection intervals.
///
/// [M] TSG 23-2021 《气瓶安全技术规程》 (from memory; check against the official text):
/// corrosive gases every 2 years, general gases every 3 years, inert gases every 5 years,
/// 液化石油气钢瓶 every 4 years.
enum CylinderGasClass: String, CaseIterable, Sendable {
    /// 盛装腐蚀性气体.
    case corrosive
    /// 盛装一般气体.
    case general
    /// 盛装惰性气体.
    case inert
    /// 液化石油气钢瓶.
    case lpgSteel = "lpg_steel"
}
