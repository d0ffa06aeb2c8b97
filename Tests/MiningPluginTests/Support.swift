import HazardCore
import MiningPlugin

/// The mining plugin as the engine runs it: facts checked against what it declares.
let probe = PluginProbe(MiningPlugin())

/// Derives the mining facts from a few numeric answers.
func derive(_ numbers: [QuestionID: Double], inspectionDate: Day? = nil) throws -> Facts {
    try probe.facts(numbers.mapValues(Value.number), on: inspectionDate)
}

/// A numeric fact, or nil when it was left out.
func fact(_ name: String, _ numbers: [QuestionID: Double]) throws -> Double? {
    try derive(numbers)[name]?.number
}
