import HazardCore
import MiningPlugin

/// Derives the mining facts from a few numeric answers.
func derive(_ numbers: [QuestionID: Double], inspectionDate: Day? = nil) throws -> Facts {
    var answers = Answers(inspectionDate: inspectionDate)
    for (question, n) in numbers { answers[question] = .number(n) }
    return try MiningPlugin().derive(from: answers)
}

/// A numeric fact, or nil when it was left out.
func fact(_ name: String, _ numbers: [QuestionID: Double]) throws -> Double? {
    try derive(numbers)[name]?.number
}
