/// The kinds of special equipment GB 45067-2024 distinguishes: §4.2 锅炉, §4.3 压力容器,
/// §4.4 压力管道, §4.5 移动式压力容器或者气瓶充装, §4.6 电梯, §4.7 起重机械, §4.8 客运索道,
/// §4.9 大型游乐设施, §4.10 场（厂）内专用机动车辆; 气瓶 in use falls under §4.1 only.
///
/// Raw values are the option values of the checklist question `equipment_type`.
enum EquipmentType: String, CaseIterable, Sendable {
    case boiler
    case pressureVessel = "pressure_vessel"
    case pressurePiping = "pressure_piping"
    case gasCylinder = "gas_cylinder"
    case cylinderFilling = "cylinder_filling"
    case elevator
    case crane
    case passengerRopeway = "passenger_ropeway"
    case amusementRide = "amusement_ride"
    case siteVehicle = "site_vehicle"
}
