import Foundation
@testable import HazardJSON
import Testing

@Suite("JSON string escaping, word at a time")
struct JSONStringEscapeTests {
    /// Strings with each escapable byte at every offset around the 8-byte word boundaries.
    static let cases: [String] = {
        let specials = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\t"]
        var out: [String] = ["", "a", "重大事故隐患", "12345678", "1234567890abcdefg", "未作答 — \u{7F} é"]
        for special in specials {
            for offset in 0..<18 {
                out.append(String(repeating: "x", count: offset) + special + "隐患" + String(repeating: "y", count: 17 - offset))
            }
        }
        return out
    }()

    @Test("the writer escapes exactly what JSONEncoder escapes", arguments: JSONStringEscapeTests.cases)
    func matchesFoundation(text: String) throws {
        var ours: [UInt8] = []
        JSONWriter.writeString(text, into: &ours)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let decoded = try JSONDecoder().decode(String.self, from: Data(ours))
        #expect(decoded == text)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: try encoder.encode(text), as: UTF8.self))
    }

    @Test("a clean word is never flagged; a word with a special byte always is")
    func wordCheck() {
        func word(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
        #expect(!JSONWriter.needsEscape(word(Array("abcdefgh".utf8))))
        #expect(!JSONWriter.needsEscape(word(Array("隐患重".utf8.prefix(8)))))
        for special: UInt8 in [0x00, 0x0A, 0x1F, 0x22, 0x5C] {
            for position in 0..<8 {
                var bytes = Array("abcdefgh".utf8)
                bytes[position] = special
                #expect(JSONWriter.needsEscape(word(bytes)), "byte \(special) at \(position)")
            }
        }
    }
}
