/// A JSON number kept as the text it was written as (already checked against the RFC 8259
/// grammar), so nothing is rounded until a consumer asks for a `Double` or an `Int64`.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// Source text, e.g. `-12.50e3`.
    public let text: String

    /// Wraps text the reader validated; callers outside the reader use the other initialisers.
    init(validatedText: String) { text = validatedText }

    public init(_ value: Int) { text = String(value) }

    /// Shortest round-tripping form; nil for NaN and infinities, which JSON cannot carry.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 {
            text = String(Int64(value))
        } else {
            text = String(value)   // Swift prints e.g. 0.1, 1e-05, 1.5e+20: all valid JSON
        }
    }

    /// Parses `text` when it is a valid JSON number.
    public init?(text: String) {
        var bytes = Array(text.utf8)
        let ok = bytes.withUnsafeMutableBufferPointer { JSONReader.isNumber(UnsafeBufferPointer($0)) }
        guard ok else { return nil }
        self.text = text
    }

    /// The nearest `Double` (±infinity for out-of-range exponents, as strtod gives).
    public var double: Double { Double(text) ?? (text.hasPrefix("-") ? -.infinity : .infinity) }

    /// The exact integer when the text is an integer that fits in 64 bits.
    public var int64: Int64? { Int64(text) }

    /// The exact integer when the text is one (no fraction or exponent) and fits in `Int`.
    public var int: Int? { Int(text) }

    public var description: String { text }
}
