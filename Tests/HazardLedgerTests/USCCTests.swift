import HazardCore
import HazardLedger
import Testing

@Suite("Unified social credit code (GB 32100)")
struct USCCTests {
    @Test("valid codes are accepted", arguments: ["91350100M000100Y43", "91110000600037341L", "91320581MA1XXXXX0" + "7"])
    func valid(code: String) throws {
        // The third is built by `completing`; the first two are published codes.
        if code.hasPrefix("91320581") {
            let built = try USCC.completing(String(code.prefix(17)))
            #expect(throws: Never.self) { try USCC(built.rawValue) }
        } else {
            #expect(try USCC(code).regionCode == String(code.dropFirst(2).prefix(6)))
        }
    }

    @Test("lower case is accepted and normalised")
    func lowerCase() throws {
        #expect(try USCC("91350100m000100y43").rawValue == "91350100M000100Y43")
    }

    @Test("a wrong check character is rejected, naming the expected one")
    func checkCharacter() {
        let error = #expect(throws: LedgerError.self) { try USCC("91350100M000100Y44") }
        #expect(error?.code == .invalidUSCC)
        #expect(error?.message.contains("91350100M000100Y44") == true)
        #expect(error?.message.contains("expected '3'") == true)
    }

    @Test("bad codes are rejected", arguments: [
        ("9135010M000100Y43", "not 18"),
        ("91350100M000100I43", "not allowed"),
        ("Z1350100M000100Y43", "not allowed"),
        ("B1350100M000100Y43", "registration authority"),
        ("9A350100M000100Y43", "organisation type"),
        ("9135A100M000100Y43", "region code"),
    ])
    func bad(code: String, why: String) {
        let error = #expect(throws: LedgerError.self) { try USCC(code) }
        #expect(error?.message.contains(why) == true, "\(error?.message ?? "")")
    }
}

@Suite("SHA-256 (core), as the chain uses it")
struct SHA256Tests {
    @Test("known digests", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func known(text: String, digest: String) {
        #expect(SHA256.hex(text) == digest)
        #expect(SHA256.hex(bytes: Array(text.utf8)) == digest)
    }

    @Test("incremental updates of any split agree with one-shot hashing")
    func incremental() {
        let text = String(repeating: "隐患台账0123456789", count: 40)
        let whole = SHA256.hex(text)
        for split in [1, 63, 64, 65, 200] {
            var hasher = SHA256()
            let bytes = Array(text.utf8)
            hasher.update(bytes[..<split])
            hasher.update(bytes[split...].map { $0 }.lazy.map { $0 })   // non-contiguous path
            #expect(SHA256.hexString(hasher.finalize()) == whole)
        }
        #expect(SHA256.hex(String(repeating: "a", count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
