import HazardCore
import HazardLedger
import Testing

@Suite("Re-registering an enterprise keeps what it does not restate and says what changed")
struct EnterpriseRegistrationTests {
    @Test("a new enterprise is reported as new, with nothing 'changed'")
    func new() async throws {
        let f = try await LedgerFixture()
        let other = try USCC.completing("91320581MA2YYYYY0")
        let r = try await f.ledger.register(Enterprise(uscc: other, name: "苏州某燃气公司", region: "320581", sectors: ["gas"]), by: f.clerk)
        #expect(r.isNew && r.previous == nil && r.changedFields.isEmpty)
        #expect(r.enterprise.sectors == ["gas"])
    }

    @Test("re-registering without sectors keeps the sectors on record")
    func keepsSectors() async throws {
        let f = try await LedgerFixture()
        let r = try await f.ledger.register(Enterprise(uscc: f.uscc, name: "苏州某化工股份有限公司", region: "320581", sectors: []), by: f.clerk)
        #expect(!r.isNew)
        #expect(r.enterprise.sectors == ["hazardous-chemicals"])
        #expect(try await f.ledger.enterprise(f.uscc)?.sectors == ["hazardous-chemicals"])
        #expect(r.changedFields == [.name])
        #expect(r.changeDescriptions == ["name: 苏州某化工有限公司 → 苏州某化工股份有限公司"])
        // The event records the sectors kept, so the chain still accounts for the row.
        #expect(try await f.ledger.verifyChain().isIntact)
    }

    @Test("sectors given replace those on record; new sites are added and reported")
    func replacesSectorsAddsSites() async throws {
        let f = try await LedgerFixture()
        let r = try await f.ledger.register(Enterprise(uscc: f.uscc, name: "苏州某化工有限公司", region: "320581",
                                                       sectors: ["hazardous-chemicals", "fire-safety"], sites: ["二厂区"]), by: f.clerk)
        #expect(r.changedFields == [.sectors, .sites])
        #expect(r.enterprise.sectors == ["hazardous-chemicals", "fire-safety"])
        #expect(r.enterprise.sites == ["一厂区", "二厂区"])
        #expect(r.changeDescriptions.contains("sectors: hazardous-chemicals → hazardous-chemicals,fire-safety"))
        #expect(try await f.ledger.verifyChain().isIntact)
    }

    @Test("the same registration again changes nothing")
    func unchanged() async throws {
        let f = try await LedgerFixture()
        let r = try await f.ledger.register(Enterprise(uscc: f.uscc, name: "苏州某化工有限公司", region: "320581", sectors: ["hazardous-chemicals"]), by: f.clerk)
        #expect(!r.isNew && r.changedFields.isEmpty)
    }
}
