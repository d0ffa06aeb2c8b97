/// A list-of-records answer in compiled form: row-major fields, typed like top-level slots
/// (numbers, dates, booleans and enum indexes as `Double`, texts aside).
final class RecordTable: Sendable {
    let count: Int
    let fieldCount: Int
    let numbers: [Double]
    let known: [Bool]
    let texts: [String?]

    init(count: Int, fieldCount: Int, numbers: [Double], known: [Bool], texts: [String?]) {
        self.count = count
        self.fieldCount = fieldCount
        self.numbers = numbers
        self.known = known
        self.texts = texts
    }
}
