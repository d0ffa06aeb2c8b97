/// What a compiled condition reads: the answer and fact slots, the statuses of criteria
/// already decided, the inspection day and, inside `any`/`all`, the current record.
///
/// Only pointers and plain values, so passing a frame costs no reference counting. The
/// pointers are valid only during one evaluation (`Program.run`); a frame never escapes.
struct Frame {
    /// NaN marks an unanswered slot (answers are always finite).
    let numbers: UnsafePointer<Double>
    let texts: UnsafePointer<String?>
    let lists: UnsafePointer<RecordTable?>
    let statuses: UnsafePointer<UInt8>
    /// Inspection day in epoch days; NaN when the answers carry none.
    let today: Double
    /// Fields of the current record (row-major base already applied), inside list functions.
    var recordNumbers: UnsafePointer<Double>?
    var recordTexts: UnsafePointer<String?>?
}

typealias TruthNode = @Sendable (Frame) -> Truth
typealias NumberNode = @Sendable (Frame) -> Double?
typealias TextNode = @Sendable (Frame) -> String?
/// `count_true`: how many arguments are certainly true, and how many might be.
typealias CountNode = @Sendable (Frame) -> (low: Int, high: Int)
typealias ValueNode = @Sendable (Frame) -> Value?
