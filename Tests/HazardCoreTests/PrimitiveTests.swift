import HazardCore
import Testing

@Suite("Primitives")
struct PrimitiveTests {
    @Test("SHA-256 matches the FIPS 180-4 test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test("dates parse exactly and round-trip, years zero-padded to four digits",
          arguments: ["1970-01-01", "2024-02-29", "2026-11-25", "1899-12-31", "0001-01-01", "0999-12-31", "9999-12-31"])
    func dates(text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.description == text)
    }

    @Test("impossible dates are rejected", arguments: ["2023-02-29", "2024-13-01", "2024-1-01", "20240101", "2024-04-31", "2024-0a-01", "2024/01/01", "2024-01-011"])
    func badDates(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("day arithmetic is exact across leap years")
    func arithmetic() throws {
        let a = try #require(Day(iso: "2024-02-28")), b = try #require(Day(iso: "2024-03-01"))
        #expect(b.daysSinceEpoch - a.daysSinceEpoch == 2)
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
    }
}
