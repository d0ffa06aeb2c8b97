import HazardJSON
import Testing

@Suite("JSON output")
struct JSONOutputTests {
    @Test("a reset writer starts a fresh document: no text, no pending comma, no open containers", arguments: [10, 200_000])
    func reset(size: Int) {
        var out = JSONOutput(capacity: 16)
        out.beginArray()
        out.string(String(repeating: "x", count: size))
        out.beginObject()
        out.key("open")
        out.reset()
        #expect(out.byteCount == 0)
        out.beginObject()
        out.field("a", 1)
        out.endObject()
        out.number(2)
        #expect(out.bytes == Array(#"{"a":1},2"#.utf8))
    }

    @Test("text grows past the first capacity intact")
    func growth() {
        var out = JSONOutput(capacity: 16)
        out.beginArray()
        for k in 0..<1_000 { out.number(k) }
        out.endArray()
        let numbers: [String] = (0..<1_000).map { String($0) }
        let expected = "[" + numbers.joined(separator: ",") + "]"
        #expect(out.bytes == Array(expected.utf8))
    }
}
