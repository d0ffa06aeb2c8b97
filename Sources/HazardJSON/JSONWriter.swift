/// Writes `JSONValue`s as compact UTF-8 JSON: members in their order, non-ASCII as UTF-8,
/// only `"`, `\` and control characters escaped.
public enum JSONWriter {
    /// Appends the JSON text of `value` to `out`.
    public static func write(_ value: JSONValue, into out: inout [UInt8]) {
        var output = JSONOutput(capacity: 256)
        value.write(to: &output)
        output.withBytes { out.append(contentsOf: $0) }
    }

    /// The JSON text of `value`.
    public static func bytes(_ value: JSONValue) -> [UInt8] { value.jsonBytes }

    /// The JSON text of `value` as a `String`.
    public static func string(_ value: JSONValue) -> String { String(decoding: bytes(value), as: UTF8.self) }

    /// Appends `s` as a JSON string.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        var output = JSONOutput(capacity: s.utf8.count + 8)
        output.string(s)
        output.withBytes { out.append(contentsOf: $0) }
    }

    /// Whether any of the 8 bytes in `word` is a control character, `"` or `\\`: the bytes a
    /// JSON string must escape. Word-at-a-time, so clean text (most of a result) is skipped
    /// 8 bytes per step. A borrow can flag a byte above a real hit, never a clean word.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool { escapeMask(word) != 0 }

    /// The high bit of each flagged byte of `needsEscape`. The lowest is always a real hit
    /// (a borrow only runs upwards from one), so its position is the first byte to escape.
    @inline(__always)
    static func escapeMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- 0x2020_2020_2020_2020) & ~word & highs
        let quote = word ^ 0x2222_2222_2222_2222, backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
        let quotes = (quote &- ones) & ~quote & highs
        let backslashes = (backslash &- ones) & ~backslash & highs
        return control | quotes | backslashes
    }
}
