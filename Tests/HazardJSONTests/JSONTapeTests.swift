import HazardJSON
import Testing

/// The reader scans strings eight bytes at a time and records a token per value; these
/// check both against the plain definitions at every position a word boundary can fall.
@Suite("JSON token tape")
struct JSONTapeTests {
    /// Strings of 0–19 clean bytes with `special` inserted at each position.
    static func strings(with special: String) -> [(text: String, at: Int)] {
        (0..<20).flatMap { length in
            (0...length).map { at in
                let clean = String(repeating: "x", count: length)
                let index = clean.index(clean.startIndex, offsetBy: at)
                return (String(clean[..<index]) + special + String(clean[index...]), at)
            }
        }
    }

    @Test("a control character is reported at its own byte, wherever it falls in a word", arguments: ["\u{01}", "\u{1F}", "\n"])
    func controlCharacter(character: String) {
        for (text, at) in Self.strings(with: character) {
            let error = #expect(throws: JSONError.self) { try JSONReader.read("\"" + text + "\"") }
            #expect(error?.code == .controlCharacterInString && error?.offset == at + 1, "\(text.debugDescription)")
        }
    }

    @Test("escapes and non-ASCII text read back exactly, wherever they fall in a word",
          arguments: [("\\\"", "\""), ("\\\\", "\\"), ("\\u00e9", "é"), ("é", "é"), ("液氯", "液氯"), ("\\ud83d\\ude00", "😀")])
    func escapes(written: String, text: String) throws {
        for (raw, at) in Self.strings(with: written) {
            let clean = String(repeating: "x", count: raw.utf8.count - written.utf8.count)
            let index = clean.index(clean.startIndex, offsetBy: at)
            let expected = String(clean[..<index]) + text + String(clean[index...])
            #expect(try JSONReader.read("[\"" + raw + "\"]") == .array([.string(expected)]), "\(raw.debugDescription)")
        }
    }

    @Test("invalid UTF-8 is reported at its first bad byte, wherever it falls in a word")
    func invalidUTF8() {
        for length in 0..<20 {
            for at in 0...length {
                var bytes = Array("\"".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: length) + Array("\"".utf8)
                bytes.insert(contentsOf: [0xE6, 0xB6], at: 1 + at)  // a three-byte sequence cut short
                let error = #expect(throws: JSONError.self) { try JSONReader.read(bytes) }
                #expect(error?.code == .invalidUTF8 && error?.offset == 1 + at, "length \(length), at \(at)")
            }
        }
    }

    @Test("the tape walks members and items in document order and skips whole subtrees")
    func walk() throws {
        let text = Array(#"{"a":[1,{"b":null},[]],"c":"d\u0065","e":{}}"#.utf8)
        var tape = JSONTape()
        try text.withUnsafeBufferPointer { document in
            try JSONReader.read(document, into: &tape)
            let root = JSONTape.root
            #expect(tape.kind(root) == .object && tape.count(root) == 3)
            let members = Array(tape.members(root))
            #expect(members.map { tape.string($0.name, in: document) } == ["a", "c", "e"])
            #expect(tape.kind(members[0].value) == .array && tape.count(members[0].value) == 3)
            #expect(tape.items(members[0].value).map { tape.kind($0) } == [.number, .object, .array])
            #expect(tape.kind(members[1].value) == .escapedString && tape.string(members[1].value, in: document) == "de")
            #expect(tape.isString(members[0].name, "a", in: document) && !tape.isString(members[1].value, "de", in: document))
            #expect(tape.next(members[2].value) == tape.next(root))
            #expect(tape.value(in: document) == (try JSONReader.read(text)))
        }
    }

    @Test("a document that fails to read leaves the tape empty")
    func failedRead() {
        var tape = JSONTape()
        let error = Array(#"{"a":[1,2"#.utf8).withUnsafeBufferPointer { document in
            #expect(throws: JSONError.self) { try JSONReader.read(document, into: &tape) }
        }
        #expect(error?.code == .unexpectedEnd)
        #expect(tape.isEmpty)
    }
}
