import HazardJSON
import HazardLedger
@testable import HazardRPC
import Testing

/// The -32005 and -32602 answers of the ledger methods as PROTOCOL.md §3 and §7 state them:
/// a malformed code is a validation failure naming the member it came from, for every caller,
/// before any scope is consulted (a scope answer would tell a caller nothing it could fix).
@Suite("Ledger validation answers")
struct LedgerValidationAnswerTests {
    typealias Connection = AuthorisationAndIntegrityTests.Connection

    static func issue(_ answer: JSONValue) -> JSONValue? { answer["error"]?["data"]?["issues"]?.array?.first }

    @Test("an invalid USCC is -32005 invalidUSCC at the member that carried it: uscc, or enterprise")
    func invalidUSCCNamesItsMember() async throws {
        let dispatcher = try AuthorisationAndIntegrityTests.dispatcher()
        var inspector = Connection(dispatcher)
        try await inspector.authenticate("sz-inspector")

        let registered = try await AuthorisationAndIntegrityTests.register(&inspector, uscc: "91320581MA1XXXXX00", region: "320581")
        #expect(registered.errorCode == -32005)
        #expect(Self.issue(registered)?["code"] == .string("invalidUSCC"))
        #expect(Self.issue(registered)?["path"] == .string("uscc"))

        let recorded = try await AuthorisationAndIntegrityTests.record(&inspector, uscc: "not-a-code")
        #expect(recorded.errorCode == -32005)
        #expect(Self.issue(recorded)?["code"] == .string("invalidUSCC"))
        #expect(Self.issue(recorded)?["path"] == .string("enterprise"))

        let listed = try await inspector.call("hazards.list", .object(["enterprise": .string("x")]))
        #expect(listed.errorCode == -32005 && Self.issue(listed)?["path"] == .string("enterprise"))
    }

    @Test("a malformed region is -32005 invalidRegion even for a caller whose scope it would fall outside")
    func malformedRegionBeforeScope() async throws {
        let dispatcher = try AuthorisationAndIntegrityTests.dispatcher()
        var inspector = Connection(dispatcher)
        try await inspector.authenticate("sz-inspector")
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue

        for region in ["3205", "32058１", "320581 ", ""] {
            let answer = try await AuthorisationAndIntegrityTests.register(&inspector, uscc: uscc, region: region)
            #expect(answer.errorCode == -32005, "region '\(region)'")
            #expect(Self.issue(answer)?["code"] == .string("invalidRegion"))
            #expect(Self.issue(answer)?["path"] == .string("region"))
        }
        // Well formed but elsewhere is still a scope answer.
        #expect(try await AuthorisationAndIntegrityTests.register(&inspector, uscc: uscc, region: "110105").errorCode == -32002)

        let listed = try await inspector.call("hazards.list", .object(["region": .string("1101")]))
        #expect(listed.errorCode == -32005 && Self.issue(listed)?["code"] == .string("invalidRegion"))
        var bureau = Connection(dispatcher)
        try await bureau.authenticate("sz-bureau")
        let report = try await bureau.call("reports.dispatch", .object(["region": .string("11010%")]))
        #expect(report.errorCode == -32005 && Self.issue(report)?["code"] == .string("invalidRegion"))
    }

    @Test("enterprises.register with a sector outside the caller's scope is -32002 scope sector")
    func registerChecksSectorScope() async throws {
        // The fixture server loads only the gas checklist: a building inspector's scope excludes it.
        let auth = RPCAuthConfiguration(entries: [
            .init(principal: RPCPrincipal(name: "sz-building", role: .inspector, sectors: ["construction"], regions: ["320500"]),
                  sha256: RPCAuthConfiguration.hash(token: "sz-building")),
        ])
        let methods = RPCServerMethods.make(engine: Fixtures.engine(), configuration: RPCServerConfiguration(), authenticated: true,
                                            extra: try makeLedgerMethods())
        var inspector = Connection(RPCDispatcher(methods: methods, auth: auth, logger: Fixtures.logger))
        try await inspector.authenticate("sz-building")
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue
        let answer = try await AuthorisationAndIntegrityTests.register(&inspector, uscc: uscc, region: "320581", sectors: ["gas"])
        #expect(answer.errorCode == -32002)
        #expect(answer["error"]?["data"]?["scope"] == .string("sector"))
        #expect(answer["error"]?["data"]?["value"] == .string("gas"))
    }

    @Test("inspection.record without inspection_date is -32602 naming inspection_date, and nothing is stored")
    func recordNeedsItsDate() async throws {
        let dispatcher = try AuthorisationAndIntegrityTests.dispatcher()
        var inspector = Connection(dispatcher)
        try await inspector.authenticate("sz-inspector")
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue
        #expect(try await AuthorisationAndIntegrityTests.register(&inspector, uscc: uscc, region: "320581")["result"] != nil)

        guard case .object(var params) = Fixtures.gasGradeParams else { Issue.record("no grade params"); return }
        params.removeAll { $0.key == "inspection_date" }
        params.append(JSONMember(key: "enterprise", value: .string(uscc)))
        let answer = try await inspector.call("inspection.record", .object(params))
        #expect(answer.errorCode == -32602)
        #expect(answer["error"]?["data"]?["field"] == .string("inspection_date"))
        let listed = try await inspector.call("hazards.list", .object(["enterprise": .string(uscc)]))
        #expect(listed["result"]?["hazards"]?.array?.isEmpty == true)
    }
}
