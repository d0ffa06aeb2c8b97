import HazardCore

/// Reads the plugin's inputs from `Answers`; nil means unanswered. Values the question types
/// cannot exclude (a negative length, a required value of 0) throw.
struct AnswerReader: Sendable {
    var answers: Answers

    func bool(_ question: QuestionID) throws(PluginError) -> Bool? { try answers.bool(question) }

    /// An enum option's value (or text).
    func text(_ question: QuestionID) throws(PluginError) -> String? { try answers.text(question) }

    /// A length, area or count: finite and not negative.
    func amount(_ question: QuestionID) throws(PluginError) -> Double? { try answers.amount(question) }

    /// A code value (规定值) a measurement is compared with: must be greater than 0.
    func requiredValue(_ question: QuestionID) throws(PluginError) -> Double? {
        guard let number = try amount(question) else { return nil }
        guard number > 0 else {
            throw PluginError(code: "nonpositive_required_value", message: "规定值必须大于0，实际为 \(Value.format(number))", question: question)
        }
        return number
    }

    /// `damaged` out of `total`; nil when either is unanswered, except that a total of 0
    /// needs no damaged count. More damaged than counted throws.
    func damageShare(damaged damagedQuestion: QuestionID, total totalQuestion: QuestionID) throws(PluginError) -> DamageShare? {
        let total = try amount(totalQuestion)
        let damaged = try amount(damagedQuestion)
        if let total, let damaged, damaged > total {
            throw PluginError(
                code: "damaged_exceeds_total",
                message: "损坏数量（\(Value.format(damaged))）大于总数（\(Value.format(total))）",
                question: damagedQuestion)
        }
        guard let total else { return nil }
        if total == 0 { return DamageShare(damaged: 0, total: 0) }
        guard let damaged else { return nil }
        return DamageShare(damaged: damaged, total: total)
    }

    /// `actual` as a percentage of the code value `required`.
    func percentage(_ actualQuestion: QuestionID, of requiredQuestion: QuestionID) throws(PluginError) -> Double? {
        let actual = try amount(actualQuestion)
        let required = try requiredValue(requiredQuestion)
        guard let actual, let required else { return nil }
        return Percentage.of(actual, in: required)
    }
}
