public import HazardCore

/// Road-transport facts for 《道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）》
/// (交通运输部, effective 2023-10-01; document number not confirmed), 第三条第（三）项:
/// "三超一疲劳" — 超速 (over-speed), 超员 (over-capacity), 超载 (overload), 疲劳驾驶 (fatigue).
///
/// The plugin reads one sampled trip record (a vehicle's load, passengers, speed and driving
/// hours, each with its limit) and derives whether each of the four violations is present.
///
/// Thresholds: each violation is the actual value *exceeding* (超过, `>`) its limit, so a value
/// equal to the limit is compliant. The project reference gives **no numeric limits** for speed,
/// continuous or daily driving time: the limits are inputs the inspector enters from the
/// applicable rules (the vehicle's approved load and seats, the posted or statutory speed limit,
/// the driving-time limits); nothing is hard-coded, and no fact is from memory ([M]).
///
/// A fact is left out (unknown) when either question of its pair is unanswered.
public struct TransportPlugin: SectorPlugin {
    public init() {}

    public var id: String { "transport" }

    public var summary: String {
        "道路运输“三超一疲劳”：超载、超员、超速、连续及日累计驾驶时间（限值由检查人员按适用规定填写）"
    }

    // MARK: Inputs (question ids the checklist must declare)

    /// 实际装载质量 (t).
    public static let actualLoad: QuestionID = "vehicle_actual_load_t"
    /// 核定载质量 (t).
    public static let approvedLoad: QuestionID = "vehicle_approved_load_t"
    /// 实际载客人数 (人).
    public static let actualPassengers: QuestionID = "vehicle_actual_passengers"
    /// 核定载客人数 (人).
    public static let approvedPassengers: QuestionID = "vehicle_approved_passengers"
    /// 行驶速度 (km/h).
    public static let speed: QuestionID = "vehicle_speed_kmh"
    /// 该路段限速 (km/h).
    public static let speedLimit: QuestionID = "vehicle_speed_limit_kmh"
    /// 连续驾驶时间 (h).
    public static let continuousDriving: QuestionID = "continuous_driving_h"
    /// 连续驾驶时间限值 (h).
    public static let continuousDrivingLimit: QuestionID = "continuous_driving_limit_h"
    /// 日（24小时内）累计驾驶时间 (h).
    public static let dailyDriving: QuestionID = "daily_driving_h"
    /// 日累计驾驶时间限值 (h).
    public static let dailyDrivingLimit: QuestionID = "daily_driving_limit_h"

    public var declaredInputs: [InputDeclaration] {
        [Self.actualLoad, Self.approvedLoad, Self.actualPassengers, Self.approvedPassengers,
         Self.speed, Self.speedLimit, Self.continuousDriving, Self.continuousDrivingLimit,
         Self.dailyDriving, Self.dailyDrivingLimit].map { InputDeclaration($0, .number) }
    }

    // MARK: Facts

    public var declaredFacts: [FactDeclaration] {
        [
            FactDeclaration("load_ratio", .number, label: "实际装载质量与核定载质量之比"),
            FactDeclaration("overloaded", .boolean, label: "超载（实际装载质量超过核定载质量）"),
            FactDeclaration("passenger_ratio", .number, label: "实际载客人数与核定载客人数之比"),
            FactDeclaration("over_capacity", .boolean, label: "超员（实际载客人数超过核定载客人数）"),
            FactDeclaration("speed_ratio", .number, label: "行驶速度与限速之比"),
            FactDeclaration("speeding", .boolean, label: "超速（行驶速度超过限速）"),
            FactDeclaration("continuous_driving_excess_h", .number, label: "连续驾驶时间超出限值的小时数（负数为未超）"),
            FactDeclaration("continuous_driving_exceeded", .boolean, label: "连续驾驶时间超过限值"),
            FactDeclaration("daily_driving_excess_h", .number, label: "日累计驾驶时间超出限值的小时数（负数为未超）"),
            FactDeclaration("daily_driving_exceeded", .boolean, label: "日累计驾驶时间超过限值"),
            FactDeclaration("fatigued", .boolean, label: "疲劳驾驶（连续或日累计驾驶时间超过限值）"),
        ]
    }

    /// Derives the 三超一疲劳 facts (第三条第（三）项).
    ///
    /// - 超载: `overloaded` = actual load > approved load; `load_ratio` = actual ÷ approved.
    /// - 超员: `over_capacity` = passengers > approved passengers; `passenger_ratio`.
    /// - 超速: `speeding` = speed > limit; `speed_ratio` = speed ÷ limit.
    /// - 疲劳驾驶: `continuous_driving_exceeded` / `daily_driving_exceeded` = hours > limit;
    ///   `fatigued` = either exceeded (three-valued: true as soon as one is true, false only
    ///   when both are known and false).
    public func derive(from answers: Answers) throws(PluginError) -> Facts {
        var facts = Facts()
        if let load = try LimitCheck.read(actual: Self.actualLoad, limit: Self.approvedLoad, from: answers) {
            facts["load_ratio"] = .number(load.ratio)
            facts["overloaded"] = .bool(load.exceeded)
        }
        if let seats = try LimitCheck.read(actual: Self.actualPassengers, limit: Self.approvedPassengers, from: answers) {
            facts["passenger_ratio"] = .number(seats.ratio)
            facts["over_capacity"] = .bool(seats.exceeded)
        }
        if let speed = try LimitCheck.read(actual: Self.speed, limit: Self.speedLimit, from: answers) {
            facts["speed_ratio"] = .number(speed.ratio)
            facts["speeding"] = .bool(speed.exceeded)
        }
        let continuous = try LimitCheck.read(actual: Self.continuousDriving, limit: Self.continuousDrivingLimit, from: answers)
        if let continuous {
            facts["continuous_driving_excess_h"] = .number(continuous.excess)
            facts["continuous_driving_exceeded"] = .bool(continuous.exceeded)
        }
        let daily = try LimitCheck.read(actual: Self.dailyDriving, limit: Self.dailyDrivingLimit, from: answers)
        if let daily {
            facts["daily_driving_excess_h"] = .number(daily.excess)
            facts["daily_driving_exceeded"] = .bool(daily.exceeded)
        }
        if continuous?.exceeded == true || daily?.exceeded == true {
            facts["fatigued"] = .bool(true)
        } else if let continuous, let daily {
            facts["fatigued"] = .bool(continuous.exceeded || daily.exceeded)
        }
        return facts
    }
}
