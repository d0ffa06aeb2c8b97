/// What a compiled condition reads: the answer and fact slots, the statuses of criteria
/// already decided, the inspection day and, inside `any`/`all`, the current record.
///
/// Pointers are valid only during one evaluation (`Program.run`); the frame never escapes.
struct Frame {
    let numbers: UnsafePointer<Double>
    let known: UnsafePointer<Bool>
    let texts: UnsafePointer<String?>
    let lists: UnsafePointer<RecordTable?>
    let statuses: UnsafePointer<UInt8>
    let today: Double?
    var record: RecordTable?
    var recordBase = 0
}

typealias TruthNode = @Sendable (Frame) -> Truth
typealias NumberNode = @Sendable (Frame) -> Double?
typealias TextNode = @Sendable (Frame) -> String?
/// `count_true`: how many arguments are certainly true, and how many might be.
typealias CountNode = @Sendable (Frame) -> (low: Int, high: Int)
typealias ValueNode = @Sendable (Frame) -> Value?
