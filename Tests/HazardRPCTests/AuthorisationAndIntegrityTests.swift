import HazardCoreJSON
import HazardJSON
import HazardCore
import HazardLedger
@testable import HazardRPC
import Logging
import Synchronization
import Testing

/// Issue 12 over the dispatcher: region escape, four eyes by credential, brute force inside
/// one batch, backdating, and the smaller holes (scope oracle, dispatch sector scope, unknown
/// sectors, busy database, server options).
@Suite("Authorisation and integrity (issue 12)")
struct AuthorisationAndIntegrityTests {
    static let beijing = "91110105MA1XXXXX0"

    static let auth = RPCAuthConfiguration(entries: [
        .init(principal: RPCPrincipal(name: "sz-inspector", role: .inspector, sectors: ["gas"], regions: ["320500"]), sha256: RPCAuthConfiguration.hash(token: "sz-inspector")),
        .init(principal: RPCPrincipal(name: "sz-bureau", role: .department, sectors: ["gas"], regions: ["320500"]), sha256: RPCAuthConfiguration.hash(token: "sz-bureau")),
        .init(principal: RPCPrincipal(name: "bj-bureau", role: .department, sectors: ["gas"], regions: ["110000"]), sha256: RPCAuthConfiguration.hash(token: "bj-bureau")),
        .init(principal: RPCPrincipal(name: "sz-two-sectors", role: .department, sectors: ["gas", "hazardous-chemicals"], regions: ["320500"]),
              sha256: RPCAuthConfiguration.hash(token: "sz-two-sectors")),
        .init(principal: RPCPrincipal(name: "sz-desk", role: .department, sectors: ["gas"], regions: ["320500"], actsForSeveral: true),
              sha256: RPCAuthConfiguration.hash(token: "sz-desk")),
        .init(principal: RPCPrincipal(name: "admin", role: .admin), sha256: RPCAuthConfiguration.hash(token: "admin-token")),
    ])

    /// One connection's session on a dispatcher with the ledger methods.
    struct Connection {
        let dispatcher: RPCDispatcher
        var session: RPCSession
        var nextID = 1

        init(_ dispatcher: RPCDispatcher, peer: String = "192.0.2.1") {
            self.dispatcher = dispatcher
            session = dispatcher.makeSession(peer: peer)
        }

        mutating func call(_ method: String, _ params: JSONValue = .object([])) async throws -> JSONValue {
            nextID += 1
            let request: JSONValue = .object(["jsonrpc": .string("2.0"), "id": .number(nextID), "method": .string(method), "params": params])
            return try #require(await dispatcher.respond(to: request, session: &session))
        }

        @discardableResult
        mutating func authenticate(_ token: String) async throws -> JSONValue {
            try await call("session.authenticate", .object(["token": .string(token)]))
        }
    }

    static func dispatcher(throttle: RPCAuthThrottle = RPCAuthThrottle(), logger: Logger = Fixtures.logger) throws -> RPCDispatcher {
        let methods = RPCServerMethods.make(engine: Fixtures.engine(), configuration: RPCServerConfiguration(), authenticated: true,
                                            extra: try makeLedgerMethods())
        return RPCDispatcher(methods: methods, auth: auth, throttle: throttle, logger: logger)
    }

    static func register(_ c: inout Connection, uscc: String, name: String = "示例燃气公司", region: String, sectors: [String] = ["gas"]) async throws -> JSONValue {
        try await c.call("enterprises.register", .object([
            "uscc": .string(uscc), "name": .string(name), "region": .string(region), "sectors": .array(sectors.map { .string($0) }),
        ]))
    }

    static func record(_ c: inout Connection, uscc: String, date: String? = nil) async throws -> JSONValue {
        guard case .object(var params) = Fixtures.gasGradeParams else { throw RPCClientError.connectionClosed }
        if let date { params = params.map { $0.key == "inspection_date" ? JSONMember(key: $0.key, value: .string(date)) : $0 } }
        params += [JSONMember(key: "enterprise", value: .string(uscc)), JSONMember(key: "signed_by", value: .string("张三"))]
        return try await c.call("inspection.record", .object(params))
    }

    /// The first (major) hazard of a recorded inspection, given a complete 五落实 plan on the day it was found.
    static func plannedHazard(_ c: inout Connection, _ recorded: JSONValue) async throws -> JSONValue {
        let id = try #require(recorded["result"]?["hazards"]?.array?.first?["id"])
        let plan = try await c.call("hazards.plan", .object([
            "id": id, "responsible": .string("王五"), "measures": .string("更换防爆接线盒"), "funds": .string("2万元"),
            "deadline": .string("2026-04-30"), "contingency": .string("停用灌装间"), "day": .string("2026-03-18"),
        ]))
        #expect(plan["result"]?["hazard"]?["status"] == .string("rectifying"))
        return id
    }

    // MARK: 1. Region escape

    @Test("an inspector of Suzhou cannot move a Beijing enterprise into Suzhou, nor rename it; Beijing keeps it")
    func regionEscape() async throws {
        let dispatcher = try Self.dispatcher()
        let uscc = try USCC.completing(Self.beijing).rawValue
        var beijing = Connection(dispatcher)
        try await beijing.authenticate("bj-bureau")
        #expect(try await Self.register(&beijing, uscc: uscc, name: "北京某燃气公司", region: "110105")["result"] != nil)

        var suzhou = Connection(dispatcher)
        try await suzhou.authenticate("sz-inspector")
        let moved = try await Self.register(&suzhou, uscc: uscc, name: "苏州某燃气公司", region: "320581")
        #expect(moved.errorCode == -32002)
        #expect(moved["error"]?["data"]?["scope"] == .string("region") && moved["error"]?["data"]?["value"] == .string("110105"))
        let recordedThere = try await Self.record(&suzhou, uscc: uscc)
        #expect(recordedThere.errorCode == -32002)

        // Beijing's own department still records on its enterprise, which is still in Beijing.
        let recorded = try await Self.record(&beijing, uscc: uscc)
        #expect(recorded["result"]?["hazards"]?.array?.first?["region"] == .string("110105"))
        #expect(recorded["result"]?["hazards"]?.array?.first?["enterprise_name"] == .string("北京某燃气公司"))
    }

    @Test("within its own region a non-admin may update sectors and sites but not rename or move; an admin may")
    func onlyAdminsMoveOrRename() async throws {
        let dispatcher = try Self.dispatcher()
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue
        var inspector = Connection(dispatcher)
        try await inspector.authenticate("sz-inspector")
        #expect(try await Self.register(&inspector, uscc: uscc, name: "某燃气公司", region: "320581")["result"] != nil)
        #expect(try await Self.register(&inspector, uscc: uscc, name: "某燃气公司", region: "320581")["result"] != nil)
        let renamed = try await Self.register(&inspector, uscc: uscc, name: "另一燃气公司", region: "320581")
        #expect(renamed.errorCode == -32002 && renamed["error"]?["data"]?["needed"] == .string("admin"))
        let moved = try await Self.register(&inspector, uscc: uscc, name: "某燃气公司", region: "320583")
        #expect(moved.errorCode == -32002 && moved["error"]?["data"]?["needed"] == .string("admin"))
        var admin = Connection(dispatcher)
        try await admin.authenticate("admin-token")
        let adminMove = try await Self.register(&admin, uscc: uscc, name: "另一燃气公司", region: "110105")
        #expect(adminMove["result"]?["region"] == .string("110105"))
    }

    // MARK: 2. Four eyes

    @Test("the same token cannot close its own rectification by naming another actor", arguments: ["赵六", "sz-bureau ", "sz-bureau\u{200B}"])
    func fourEyesByCredential(otherActor: String) async throws {
        var c = Connection(try Self.dispatcher())
        try await c.authenticate("sz-bureau")
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue
        _ = try await Self.register(&c, uscc: uscc, region: "320581")
        let id = try await Self.plannedHazard(&c, try await Self.record(&c, uscc: uscc))
        #expect(try await c.call("hazards.rectify", .object(["id": id]))["result"] != nil)
        let verify = try await c.call("hazards.verify", .object(["id": id, "actor": .string(otherActor)]))
        #expect(verify.errorCode == -32004)
        #expect(verify["error"]?["data"]?["reason"] == .string("selfVerification"))
    }

    @Test("a token that acts for several people closes another person's rectification, not the same person's")
    func fourEyesSharedCredential() async throws {
        var c = Connection(try Self.dispatcher())
        try await c.authenticate("sz-desk")
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue
        _ = try await Self.register(&c, uscc: uscc, region: "320581")
        let id = try await Self.plannedHazard(&c, try await Self.record(&c, uscc: uscc))
        _ = try await c.call("hazards.rectify", .object(["id": id, "actor": .string("王五")]))
        let same = try await c.call("hazards.verify", .object(["id": id, "actor": .string(" 王五 ")]))
        #expect(same["error"]?["data"]?["reason"] == .string("selfVerification"))
        let other = try await c.call("hazards.verify", .object(["id": id, "actor": .string("赵六")]))
        #expect(other["result"]?["hazard"]?["status"] == .string("closed"))
    }

    // MARK: 3. Brute force

    @Test("998 wrong tokens, the right one and hazards.list in one batch: the batch stops at the limit")
    func bruteForceInOneBatch() async throws {
        let dispatcher = try Self.dispatcher()
        var session = dispatcher.makeSession(peer: "192.0.2.7")
        var batch: [JSONValue] = (1...998).map { k in
            .object(["jsonrpc": .string("2.0"), "id": .number(k), "method": .string("session.authenticate"), "params": .object(["token": .string("guess\(k)")])])
        }
        batch.append(.object(["jsonrpc": .string("2.0"), "id": .number(999), "method": .string("session.authenticate"), "params": .object(["token": .string("admin-token")])]))
        batch.append(.object(["jsonrpc": .string("2.0"), "id": .number(1000), "method": .string("hazards.list")]))
        let responses = try #require(await dispatcher.respond(to: .array(batch), session: &session)?.array)
        #expect(responses.count == 1000)
        #expect(responses.allSatisfy { $0.errorCode == -32001 })
        #expect(responses[4]["error"]?["message"] == .string("unknown token"))
        #expect(responses[5]["error"]?["message"]?.string?.contains("closing") == true)
        #expect(responses.last?["result"] == nil)
        #expect(session.principal == nil && session.shouldClose)
        #expect(session.failedAuthentications == RPCSession.maximumFailedAuthentications)
    }

    @Test("a failed re-authentication drops the principal the connection had")
    func failedReauthentication() async throws {
        var c = Connection(try Self.dispatcher())
        #expect(try await c.authenticate("admin-token")["result"] != nil)
        #expect(try await c.call("hazards.list")["result"] != nil)
        #expect(try await c.authenticate("wrong")["error"] != nil)
        #expect(c.session.principal == nil)
        #expect(try await c.call("hazards.list").errorCode == -32001)
    }

    /// A monotonic clock the test moves by hand.
    final class ManualClock: Sendable {
        let now = Mutex(Duration.zero)
        func advance(_ d: Duration) { now.withLock { $0 += d } }
        func read() -> Duration { now.withLock { $0 } }
    }

    @Test("wrong tokens are limited per address across connections; the right one is refused while over the limit")
    func perAddressLimit() async throws {
        let clock = ManualClock()
        let throttle = RPCAuthThrottle(limits: .init(perAddress: 3, global: 100, window: .seconds(60)), now: { clock.read() })
        let dispatcher = try Self.dispatcher(throttle: throttle)
        for k in 1...3 {
            var c = Connection(dispatcher, peer: "198.51.100.9")
            #expect(try await c.authenticate("guess\(k)").errorCode == -32001)
        }
        var attacker = Connection(dispatcher, peer: "198.51.100.9")
        let refused = try await attacker.authenticate("admin-token")
        #expect(refused.errorCode == -32001 && refused["error"]?["data"]?["retry_after_seconds"] == .number(60))
        var other = Connection(dispatcher, peer: "203.0.113.5")
        #expect(try await other.authenticate("admin-token")["result"] != nil)
        clock.advance(.seconds(61))
        var later = Connection(dispatcher, peer: "198.51.100.9")
        #expect(try await later.authenticate("admin-token")["result"] != nil)
    }

    @Test("past the global limit an address that has failed is refused; one that has not may still authenticate")
    func globalLimit() async throws {
        let throttle = RPCAuthThrottle(limits: .init(perAddress: 10, global: 4, window: .seconds(60)), now: { .zero })
        let dispatcher = try Self.dispatcher(throttle: throttle)
        for k in 1...4 {
            var c = Connection(dispatcher, peer: "198.51.100.\(k)")
            #expect(try await c.authenticate("guess").errorCode == -32001)
        }
        var failed = Connection(dispatcher, peer: "198.51.100.1")
        #expect(try await failed.authenticate("admin-token").errorCode == -32001)
        var fresh = Connection(dispatcher, peer: "203.0.113.77")
        #expect(try await fresh.authenticate("admin-token")["result"] != nil)
    }

    /// Keeps what is logged at notice or above.
    struct NoticeRecorder: LogHandler {
        let messages: Messages
        final class Messages: Sendable { let all = Mutex<[(Logger.Level, String)]>([]) }
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? { get { metadata[key] } set { metadata[key] = newValue } }
        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
            messages.all.withLock { $0.append((level, message.description)) }
        }
    }

    @Test("a wrong token is logged at notice")
    func failuresLoggedAtNotice() async throws {
        let messages = NoticeRecorder.Messages()
        let logger = Logger(label: "test", factory: { _ in NoticeRecorder(messages: messages) })
        var c = Connection(try Self.dispatcher(logger: logger))
        _ = try await c.authenticate("wrong")
        #expect(messages.all.withLock { $0.contains { $0.0 == .notice && $0.1 == "rpc.auth_failed" } })
    }

    // MARK: 4. Backdating

    @Test("rectify on 1990-01-01 and verify on 1980-01-01 of a hazard found 2026-03-18 are refused", arguments: [
        ("hazards.rectify", "1990-01-01", "beforeFound"), ("hazards.rectify", "2026-03-22", "futureDay"), ("hazards.rectify", "9999-12-31", "futureDay"),
    ])
    func backdatedTransitions(method: String, day: String, reason: String) async throws {
        var c = Connection(try Self.dispatcher())
        try await c.authenticate("admin-token")
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue
        _ = try await Self.register(&c, uscc: uscc, region: "320581")
        let id = try await Self.plannedHazard(&c, try await Self.record(&c, uscc: uscc))
        let refused = try await c.call(method, .object(["id": id, "day": .string(day)]))
        #expect(refused["error"]?["data"]?["reason"] == .string(reason))
        _ = try await c.call("hazards.rectify", .object(["id": id, "day": .string("2026-03-19"), "actor": .string("王五")]))
        let verify = try await c.call("hazards.verify", .object(["id": id, "day": .string("1980-01-01"), "actor": .string("赵六")]))
        #expect(verify["error"]?["data"]?["reason"] == .string("beforeFound"))
    }

    @Test("inspections dated 0000-01-01 or 9999-12-31 are refused", arguments: ["0000-01-01", "9999-12-31", "2002-10-31"])
    func implausibleInspectionDates(date: String) async throws {
        var c = Connection(try Self.dispatcher())
        try await c.authenticate("admin-token")
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue
        _ = try await Self.register(&c, uscc: uscc, region: "320581")
        let recorded = try await Self.record(&c, uscc: uscc, date: date)
        #expect(recorded.errorCode == -32005)
        #expect(recorded["error"]?["data"]?["issues"]?.array?.first?["code"] == .string("implausibleDate"))
    }

    // MARK: 5. Smaller holes

    @Test("a hazard outside the principal's scope answers exactly as an unknown id", arguments: ["hazards.get", "hazards.verify", "hazards.rectify"])
    func noScopeOracle(method: String) async throws {
        let dispatcher = try Self.dispatcher()
        var admin = Connection(dispatcher)
        try await admin.authenticate("admin-token")
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue
        _ = try await Self.register(&admin, uscc: uscc, region: "320581")
        let id = try #require(try await Self.plannedHazard(&admin, try await Self.record(&admin, uscc: uscc)).numberValue?.int)
        var beijing = Connection(dispatcher)
        try await beijing.authenticate("bj-bureau")
        let hidden = try await beijing.call(method, .object(["id": .number(id)]))
        let unknown = try await beijing.call(method, .object(["id": .number(id + 100_000)]))
        #expect(hidden.errorCode == -32003)
        #expect(hidden["error"]?["data"] == unknown["error"]?["data"])
        #expect(hidden["error"]?["message"]?.string?.replacingOccurrences(of: "\(id)", with: "N")
                == unknown["error"]?["message"]?.string?.replacingOccurrences(of: "\(id + 100_000)", with: "N"))
    }

    @Test("reports.dispatch applies the principal's sector scope")
    func dispatchSectorScope() async throws {
        let dispatcher = try Self.dispatcher()
        var one = Connection(dispatcher)
        try await one.authenticate("sz-bureau")
        let report = try await one.call("reports.dispatch")
        #expect(report["result"]?["query"]?["sector"] == .string("gas"))
        var two = Connection(dispatcher)
        try await two.authenticate("sz-two-sectors")
        #expect(try await two.call("reports.dispatch").errorCode == -32602)
        #expect(try await two.call("reports.dispatch", .object(["sector": .string("gas")]))["result"]?["query"]?["sector"] == .string("gas"))
        #expect(try await one.call("reports.dispatch", .object(["sector": .string("mining")])).errorCode == -32002)
    }

    @Test("enterprises.register refuses a sector no loaded checklist has")
    func unknownSector() async throws {
        var c = Connection(try Self.dispatcher())
        try await c.authenticate("admin-token")
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue
        let response = try await Self.register(&c, uscc: uscc, region: "320581", sectors: ["gas", "gass"])
        #expect(response.errorCode == -32005)
        #expect(response["error"]?["data"]?["issues"]?.array?.first?["code"] == .string("unknownSector"))
    }

    @Test("a 五落实 part of only zero-width spaces is missing over RPC too")
    func zeroWidthPlan() async throws {
        var c = Connection(try Self.dispatcher())
        try await c.authenticate("admin-token")
        let uscc = try USCC.completing("91320581MA1XXXXX0").rawValue
        _ = try await Self.register(&c, uscc: uscc, region: "320581")
        let recorded = try await Self.record(&c, uscc: uscc)
        let major = try #require(recorded["result"]?["hazards"]?.array?.first { $0["grade"] == .string("major") }?["id"])
        let plan = try await c.call("hazards.plan", .object([
            "id": major, "responsible": .string("王五"), "measures": .string("\u{200B}\u{200B}"), "funds": .string("2万元"),
            "deadline": .string("2026-04-30"), "contingency": .string(" \u{FEFF} "),
        ]))
        #expect(plan["error"]?["data"]?["reason"] == .string("incompletePlan"))
    }

    @Test("a busy database answers the retryable -32006, not -32603")
    func busyIsRetryable() {
        let error = LedgerError(.busy, "the ledger is busy").rpcError
        #expect(error.code == -32006 && RPCErrorCode.busy.rawValue == -32006)
        #expect(error.data?["retryable"] == .bool(true))
    }

    @Test("a write refused by a read-only ledger answers -32016, not retryable, without the database's address")
    func readOnlyLedger() {
        let error = LedgerError(.readOnly, "the ledger at postgres://hazard@db-primary.internal:5432/ledger is read-only (a hot standby): writes go to the primary").rpcError
        #expect(error.code == -32016 && RPCErrorCode.readOnly.rawValue == -32016)
        #expect(error.data?["retryable"] == .bool(false))
        #expect(!error.message.contains("db-primary") && !error.message.contains("postgres://"))
        #expect(error.message.contains("read-only"))
    }

    @Test("server options: a NaN or endless idle timeout and a port past 65535 are refused", arguments: [Double.nan, .infinity, 0, -1, 86_401])
    func idleTimeouts(seconds: Double) {
        #expect(throws: RPCConfigurationError.self) { try RPCServerConfiguration.idleTimeout(seconds: seconds) }
    }

    @Test("ports are 0…65535", arguments: [(70_000, false), (65_536, false), (-1, false), (0, true), (65_535, true)])
    func ports(port: Int, accepted: Bool) {
        let configuration = RPCServerConfiguration(host: "127.0.0.1", port: port)
        if accepted {
            #expect(throws: Never.self) { try configuration.validate(authenticated: false) }
        } else {
            #expect(throws: RPCConfigurationError.self) { try configuration.validate(authenticated: false) }
        }
    }

    @Test("--hash-token hashes the token as the server compares it: nothing trimmed, padded tokens refused")
    func hashToken() throws {
        #expect(throws: RPCConfigurationError.self) { try RPCAuthConfiguration.token(fromLine: "admin-token ") }
        #expect(throws: RPCConfigurationError.self) { try RPCAuthConfiguration.token(fromLine: "\tadmin-token") }
        #expect(throws: RPCConfigurationError.self) { try RPCAuthConfiguration.token(fromLine: "") }
        let token = try RPCAuthConfiguration.token(fromLine: "admin-token")
        #expect(Self.auth.principal(token: token)?.name == "admin")
        #expect(try RPCServerConfiguration.idleTimeout(seconds: 1.5) == .milliseconds(1500))
    }
}
