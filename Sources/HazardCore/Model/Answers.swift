/// An inspector's answers to a checklist's questions, as plain values.
///
/// `Engine` validates them against the questions and converts them into the compiled,
/// slot-indexed form before evaluation.
public struct Answers: Sendable, Hashable {
    public var values: [QuestionID: Value]
    /// The day the inspection took place (检查日期): `days_since` and validity warnings use it,
    /// never the wall clock, so an evaluation is reproducible.
    public var inspectionDate: Day?

    public init(_ values: [QuestionID: Value] = [:], inspectionDate: Day? = nil) {
        self.values = values
        self.inspectionDate = inspectionDate
    }

    public subscript(_ id: QuestionID) -> Value? {
        get { values[id] }
        set { values[id] = newValue }
    }
}
