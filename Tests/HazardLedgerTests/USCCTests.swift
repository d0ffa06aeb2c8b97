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
