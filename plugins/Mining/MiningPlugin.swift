public import HazardCore

/// Facts for the coal-mine checklist `coal-2026`: 《煤矿重大事故隐患判定标准》应急管理部令第21号
/// (2026年修订, effective 2026-07-01).
///
/// - 第四条 超能力/超强度/超定员: `capacity_ratio` (> 1.1), `quarterly_ratio` (> 0.3, underground),
///   `manning_ratio` (> 1.2).
/// - 第五条 瓦斯抽采不达标, tables 1–3: `face_desorbable_gas_limit`, `face_drainage_rate_required`,
///   `mine_drainage_rate_required` (see ``GasDrainageTargets``).
/// - 第八条 通风: `face_air_ratio` (< 0.75).
/// - `add_months(date, n)` for calendar deadlines (第二十条), used as
///   `days_since(mining.add_months(d, 24)) > 0` ("more than 2 years since d").
///
/// Every fact is left out (unknown) while an input it needs is unanswered. Ratios are rounded
/// to 9 decimal places so that an answer exactly at a threshold (132 万t against 120 万t/a is
/// 110 %) compares as equal instead of being tipped by binary floating point.
public struct MiningPlugin: SectorPlugin {
    public init() {}

    public var id: String { "mining" }

    public var summary: String {
        "煤矿重大事故隐患判定标准（应急管理部令第21号）：产能/定员/风量比值，瓦斯抽采达标指标（表1–表3）"
    }

    // MARK: Inputs (question ids a checklist using this plugin declares)

    /// 全年原煤产量 (万t).
    public static let annualOutput: QuestionID = "annual_output"
    /// 核定（设计）生产能力 (万t/a).
    public static let approvedCapacity: QuestionID = "approved_capacity"
    /// 单季度原煤产量 (万t), the highest quarter of the year.
    public static let quarterlyOutput: QuestionID = "quarterly_output"
    /// 单班作业人数 at the most crowded place (人).
    public static let shiftCrew: QuestionID = "shift_crew"
    /// 限员 of that place (人).
    public static let crewLimit: QuestionID = "crew_limit"
    /// 采掘工作面实际供风量 (m³/min).
    public static let faceAirSupplied: QuestionID = "face_air_supplied"
    /// 采掘工作面需风量 (m³/min).
    public static let faceAirRequired: QuestionID = "face_air_required"
    /// 采煤工作面日产量 A (t).
    public static let faceDailyOutput: QuestionID = "face_daily_output"
    /// 采煤工作面绝对瓦斯涌出量 Q (m³/min).
    public static let faceGasEmission: QuestionID = "face_gas_emission"
    /// 矿井绝对瓦斯涌出量 Q (m³/min).
    public static let mineGasEmission: QuestionID = "mine_gas_emission"

    static let inputs: [QuestionID] = [
        annualOutput, approvedCapacity, quarterlyOutput, shiftCrew, crewLimit,
        faceAirSupplied, faceAirRequired, faceDailyOutput, faceGasEmission, mineGasEmission,
    ]

    public var declaredInputs: [InputDeclaration] {
        Self.inputs.map { InputDeclaration($0, .number) }
    }

    // MARK: Facts

    public var declaredFacts: [FactDeclaration] {
        [
            FactDeclaration("capacity_ratio", .number, label: "全年原煤产量与核定（设计）生产能力之比（第四条：大于1.1为超能力）"),
            FactDeclaration("quarterly_ratio", .number, label: "单季度原煤产量与核定（设计）生产能力之比（第四条：井工煤矿大于0.3为超强度）"),
            FactDeclaration("manning_ratio", .number, label: "单班作业人数与限员之比（第四条：大于1.2为超定员）"),
            FactDeclaration("face_air_ratio", .number, label: "采掘工作面实际供风量与需风量之比（第八条：小于0.75为风量不足）"),
            FactDeclaration("face_desorbable_gas_limit", .number, label: "表1：按工作面日产量确定的可解吸瓦斯量上限（m³/t）"),
            FactDeclaration("face_drainage_rate_required", .number, label: "表2：按工作面绝对瓦斯涌出量确定的工作面瓦斯抽采率下限（%；涌出量小于5 m³/min时表中无要求，取0）"),
            FactDeclaration("mine_drainage_rate_required", .number, label: "表3：按矿井绝对瓦斯涌出量确定的矿井瓦斯抽采率下限（%）"),
        ]
    }

    public var functions: [PluginFunction] {
        [
            PluginFunction("add_months", parameters: [.date, .number], result: .date) { args in
                guard args.count == 2, let day = args[0]?.date, let n = args[1]?.number,
                      n.isFinite, n == n.rounded(), abs(n) < 1_000_000 else { return nil }
                return CivilCalendar.adding(months: Int(n), to: day).map(Value.date)
            },
        ]
    }

    public func derive(from answers: Answers) throws(PluginError) -> Facts {
        var facts = Facts()
        let annual = try Self.number(answers, Self.annualOutput)
        let quarterly = try Self.number(answers, Self.quarterlyOutput)
        let capacity = try Self.positive(answers, Self.approvedCapacity, "核定（设计）生产能力")
        let crew = try Self.number(answers, Self.shiftCrew)
        let limit = try Self.positive(answers, Self.crewLimit, "限员")
        let supplied = try Self.number(answers, Self.faceAirSupplied)
        let required = try Self.positive(answers, Self.faceAirRequired, "需风量")

        if let annual, let capacity { facts["capacity_ratio"] = .number(Self.ratio(annual, capacity)) }
        if let quarterly, let capacity { facts["quarterly_ratio"] = .number(Self.ratio(quarterly, capacity)) }
        if let crew, let limit { facts["manning_ratio"] = .number(Self.ratio(crew, limit)) }
        if let supplied, let required { facts["face_air_ratio"] = .number(Self.ratio(supplied, required)) }

        if let a = try Self.number(answers, Self.faceDailyOutput) {
            facts["face_desorbable_gas_limit"] = .number(GasDrainageTargets.faceDesorbableGasLimit(dailyOutput: a))
        }
        if let q = try Self.number(answers, Self.faceGasEmission) {
            facts["face_drainage_rate_required"] = .number(GasDrainageTargets.faceDrainageRateRequired(absoluteEmission: q))
        }
        if let q = try Self.number(answers, Self.mineGasEmission) {
            facts["mine_drainage_rate_required"] = .number(GasDrainageTargets.mineDrainageRateRequired(absoluteEmission: q))
        }
        return facts
    }

    // MARK: Helpers

    /// `a / b` rounded to 9 decimal places.
    static func ratio(_ a: Double, _ b: Double) -> Double {
        ((a / b) * 1e9).rounded() / 1e9
    }

    /// The answer as a finite, non-negative number; nil when unanswered.
    static func number(_ answers: Answers, _ question: QuestionID) throws(PluginError) -> Double? {
        try answers.amount(question)
    }

    /// A divisor: must be greater than zero when answered.
    static func positive(_ answers: Answers, _ question: QuestionID, _ name: String) throws(PluginError) -> Double? {
        guard let n = try number(answers, question) else { return nil }
        guard n > 0 else {
            throw PluginError(code: "mining.zero_divisor", message: "\(name)必须大于0", question: question)
        }
        return n
    }
}
