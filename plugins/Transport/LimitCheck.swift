import HazardCore

/// One measured value set against the limit it must not exceed: a vehicle's actual load
/// against its approved load (核定载质量), passengers against approved seats (核定载客人数),
/// speed against the speed limit, driving hours against the driving-time limit.
///
/// "三超一疲劳" is 超速、超员、超载、疲劳驾驶: each is the actual value *exceeding* (超过, `>`)
/// its limit, so a value equal to the limit is not a violation.
struct LimitCheck: Sendable, Hashable {
    /// The measured value (实际值).
    let actual: Double
    /// The approved value or limit (核定值 / 限值), always > 0.
    let limit: Double

    /// actual ÷ limit: 1.2 means 20 % over the limit.
    var ratio: Double { actual / limit }
    /// actual − limit, in the unit of the inputs (negative when under the limit).
    var excess: Double { actual - limit }
    /// 超过 the limit (`>`).
    var exceeded: Bool { actual > limit }

    /// Reads the pair; nil (fact unknown) unless both questions are answered with numbers.
    /// Throws when the limit is not positive or the actual value is negative, which no
    /// question bound can express for the limit and which would make the ratio meaningless.
    static func read(actual actualID: QuestionID, limit limitID: QuestionID, from answers: Answers) throws(PluginError) -> LimitCheck? {
        guard let actual = answers[actualID]?.number, let limit = answers[limitID]?.number else { return nil }
        guard limit.isFinite, limit > 0 else {
            throw PluginError(code: "transport.limit_not_positive",
                              message: "\(limitID.rawValue) must be greater than 0, got \(Value.format(limit))",
                              question: limitID)
        }
        guard actual.isFinite, actual >= 0 else {
            throw PluginError(code: "transport.negative_value",
                              message: "\(actualID.rawValue) must not be negative, got \(Value.format(actual))",
                              question: actualID)
        }
        return LimitCheck(actual: actual, limit: limit)
    }
}
