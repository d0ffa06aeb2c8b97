import HazardJSON
import Testing

@Suite("JSON reader and writer")
struct JSONReaderTests {
    @Test("numbers keep their source text", arguments: ["12345678901234567890123", "0.10", "-0", "1E+400", "2.50e-3", "9007199254740993"])
    func exactNumbers(text: String) throws {
        let value = try JSONReader.read("[\(text)]")
        #expect(value == .array([.number(try #require(JSONNumber(text: text)))]))
        #expect(JSONWriter.string(value) == "[\(text)]")
    }

    @Test("integers beyond 2^53 stay exact as Int64")
    func bigInteger() throws {
        let value = try JSONReader.read("9007199254740993")
        #expect(value.numberValue?.int64 == 9_007_199_254_740_993)
    }

    @Test("errors name the byte offset", arguments: [
        ("{\"a\":1,}", 7, JSONError.Code.unexpectedByte),
        ("[1,2", 4, .unexpectedEnd),
        ("[01]", 2, .unexpectedByte),
        ("\"a\u{01}\"", 2, .controlCharacterInString),
        ("[1.]", 2, .invalidNumber),
        ("\"\\x\"", 1, .invalidEscape),
        ("\"\\ud800\"", 1, .invalidUnicodeEscape),
        ("{} x", 3, .trailingContent),
    ])
    func located(text: String, offset: Int, code: JSONError.Code) {
        let error = #expect(throws: JSONError.self) { try JSONReader.read(text) }
        #expect(error?.offset == offset)
        #expect(error?.code == code)
    }

    @Test("invalid UTF-8 inside a string is rejected at the bad byte")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x22, 0x61, 0xFF, 0x22]
        let error = #expect(throws: JSONError.self) { try JSONReader.read(bytes) }
        #expect(error?.code == .invalidUTF8)
        #expect(error?.offset == 2)
    }

    @Test("deep nesting is refused, not a stack overflow")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000)
        let error = #expect(throws: JSONError.self) { try JSONReader.read(text) }
        #expect(error?.code == .tooDeep)
    }

    @Test("strings are escaped and unescaped symmetrically")
    func escapes() throws {
        let original = "引号\" 反斜杠\\ 换行\n 制表\t 控制\u{01} 😀"
        let written = JSONWriter.string(.string(original))
        #expect(written == "\"引号\\\" 反斜杠\\\\ 换行\\n 制表\\t 控制\\u0001 😀\"")
        #expect(try JSONReader.read(written) == .string(original))
        #expect(try JSONReader.read("\"\\ud83d\\ude00\\u00e9\\/\"") == .string("😀é/"))
    }

    @Test("objects keep member order and duplicates; lookups take the first")
    func memberOrder() throws {
        let value = try JSONReader.read("{\"b\":1,\"a\":2,\"b\":3}")
        #expect(value.members?.map(\.key) == ["b", "a", "b"])
        #expect(value["b"] == .number(1))
    }
}

@Suite("UTF-8 validation in the JSON reader")
struct JSONReaderUTF8Tests {
    /// Every 1-, 2- and 3-byte sequence and the 4-byte sequences around each boundary: the
    /// reader's validator agrees with the standard library's on each.
    @Test("the reader's UTF-8 check agrees with the standard library's")
    func agreesWithStandardLibrary() {
        var cases: [[UInt8]] = (0...255).map { [UInt8($0)] }
        for a in 0xC0...0xFF { for b in 0x00...0xFF { cases.append([UInt8(a), UInt8(b)]) } }
        for a in [0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF] { for b in 0x70...0xC5 { for c in [0x7F, 0x80, 0xBF, 0xC0] { cases.append([UInt8(a), UInt8(b), UInt8(c)]) } } }
        for a in [0xF0, 0xF1, 0xF3, 0xF4, 0xF5] { for b in 0x70...0xC5 { cases.append([UInt8(a), UInt8(b), 0x80, 0x80]); cases.append([UInt8(a), UInt8(b), 0x80]) } }
        for bytes in cases {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            // Inside a JSON string (bytes below 0x20 and '"', '\' are grammar errors, not UTF-8 ones).
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { continue }
            let read = try? JSONReader.read([0x22] + bytes + [0x22])
            #expect((read != nil) == expected, "\(bytes.map { String($0, radix: 16) })")
        }
    }
}
