/// A list-of-records answer in compiled form: row-major fields, typed like top-level slots
/// (numbers, dates, booleans and enum indexes as `Double`, texts aside).
final class RecordTable: Sendable {
    let count: Int
    let fieldCount: Int
    /// NaN where a record left a field out.
    let numbers: [Double]
    let texts: [String?]

    init(count: Int, fieldCount: Int, numbers: [Double], texts: [String?]) {
        self.count = count
        self.fieldCount = fieldCount
        self.numbers = numbers
        self.texts = texts
    }
}
