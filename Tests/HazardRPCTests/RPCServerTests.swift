import HazardCoreJSON
import HazardJSON
import HazardCore
import HazardLedger
import HazardRPC
import HazardTestSupport
import NIOCore
import Testing

/// Against a real server on an ephemeral loopback port, through the Swift client.
@Suite("RPC server over TCP")
struct RPCServerTests {
    static let shanghai = "91310101MA1XXXXX0"
    static let suzhou = "91320581MA1XXXXX0"

    static func usccText(_ prefix: String) throws -> String { try USCC.completing(prefix).rawValue }

    /// Registers an enterprise and records the gas example against it; returns the hazard ids.
    static func recordGasInspection(_ client: inout RPCClient, uscc: String, region: String) async throws -> [Int] {
        _ = try await client.call("enterprises.register", .object([
            "uscc": .string(uscc), "name": .string("示例燃气公司"), "region": .string(region), "sectors": .array([.string("gas")]),
        ]))
        guard case .object(var params) = Fixtures.gasGradeParams else { throw RPCClientError.connectionClosed }
        params += [JSONMember(key: "enterprise", value: .string(uscc)), JSONMember(key: "kind", value: .string("department")),
                   JSONMember(key: "inspectors", value: .array([.string("张三"), .string("李四")])), JSONMember(key: "signed_by", value: .string("张三"))]
        let recorded = try await client.call("inspection.record", .object(params))
        return recorded["hazards"]?.array?.compactMap { $0["id"]?.numberValue?.int } ?? []
    }

    @Test("every method answers: engine, checklists, grading, ledger, lifecycle, dispatch report")
    func everyMethod() async throws {
        try await withTestServer { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                let info = try await client.call("engine.info")
                #expect(info["protocol"] == .number(1))
                #expect(info["auth"] == .bool(false))
                let auth = try await client.call("session.authenticate", .object(["token": .string("anything")]))
                #expect(auth["auth"] == .bool(false))
                let list = try await client.call("checklists.list")
                #expect(list["checklists"]?.array?.count == 1)
                let form = try await client.call("checklists.get", .object(["id": .string("urban-gas-2023")]))
                #expect((form["questions"]?.array?.count ?? 0) > 10)
                let graded = try await client.call("hazard.grade", Fixtures.gasGradeParams)
                #expect(graded["rating"]?["level"] == .string("red"))

                let uscc = try Self.usccText(Self.suzhou)
                let hazards = try await Self.recordGasInspection(&client, uscc: uscc, region: "320581")
                #expect(!hazards.isEmpty)
                let listed = try await client.call("hazards.list", .object(["region": .string("320500")]))
                #expect(listed["hazards"]?.array?.count == hazards.count)

                // A major hazard through its whole life: plan (五落实), rectify, reject, rectify, verify by someone else.
                let major = try #require(listed["hazards"]?.array?.first { $0["grade"] == .string("major") }?["id"])
                let plan = try await client.call("hazards.plan", .object([
                    "id": major, "responsible": .string("王五"), "measures": .string("更换防爆接线盒"), "funds": .string("2万元"),
                    "deadline": .string("2026-04-30"), "contingency": .string("停用灌装间"), "actor": .string("王五"),
                ]))
                #expect(plan["hazard"]?["status"] == .string("rectifying"))
                _ = try await client.call("hazards.rectify", .object(["id": major, "actor": .string("王五"), "note": .string("已更换")]))
                _ = try await client.call("hazards.reject", .object(["id": major, "actor": .string("赵六"), "reason": .string("接线盒铭牌不符")]))
                _ = try await client.call("hazards.rectify", .object(["id": major, "actor": .string("王五")]))
                _ = try await client.call("hazards.supervise", .object(["id": major, "authority": .string("苏州市安委会"), "actor": .string("赵六")]))
                _ = try await client.call("hazards.unsupervise", .object(["id": major, "actor": .string("赵六")]))
                let closed = try await client.call("hazards.verify", .object(["id": major, "actor": .string("赵六")]))
                #expect(closed["hazard"]?["status"] == .string("closed"))

                let detail = try await client.call("hazards.get", .object(["id": major]))
                let kinds = detail["events"]?.array?.compactMap { $0["kind"]?.string } ?? []
                #expect(kinds.contains("reported") && kinds.contains("verified"))

                let report = try await client.call("reports.dispatch", .object(["from": .string("2026-01-01"), "to": .string("2026-03-31")]))
                #expect(report["overall"]?.array?.isEmpty == false)
            }
        }
    }

    @Test("an illegal lifecycle step is -32004 and changes nothing")
    func illegalTransition() async throws {
        try await withTestServer { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                let ids = try await Self.recordGasInspection(&client, uscc: try Self.usccText(Self.suzhou), region: "320581")
                let id = try #require(ids.first)
                let error = await #expect(throws: RPCError.self) {
                    _ = try await client.call("hazards.verify", .object(["id": .number(id)]))
                }
                #expect(error?.code == -32004)
                let after = try await client.call("hazards.get", .object(["id": .number(id)]))
                #expect(after["hazard"]?["status"] == .string("reported"))
                let missing = await #expect(throws: RPCError.self) { _ = try await client.call("hazards.get", .object(["id": .number(999_999)])) }
                #expect(missing?.code == -32003)
            }
        }
    }

    @Test("authentication: nothing before session.authenticate, wrong tokens refused")
    func authFailures() async throws {
        try await withTestServer(auth: Fixtures.auth) { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                let info = try await client.call("engine.info")
                #expect(info["auth"] == .bool(true))
                let before = await #expect(throws: RPCError.self) { _ = try await client.call("checklists.list") }
                #expect(before?.code == -32001)
                let wrong = await #expect(throws: RPCError.self) { _ = try await client.call("session.authenticate", .object(["token": .string("nope")])) }
                #expect(wrong?.code == -32001)
                let ok = try await client.call("session.authenticate", .object(["token": .string("reader-token")]))
                #expect(ok["role"] == .string("reader"))
                #expect(try await client.call("checklists.list")["checklists"]?.array?.count == 1)
                let role = await #expect(throws: RPCError.self) {
                    _ = try await client.call("hazards.verify", .object(["id": .number(1)]))
                }
                #expect(role?.code == -32002)
                #expect(role?.data?["needed"] == .string("department"))
            }
        }
    }

    @Test("scopes: an inspector of one region can neither read nor close another region's hazards")
    func scopeDenials() async throws {
        try await withTestServer(auth: Fixtures.auth) { port in
            let ids: [Int] = try await RPCClient.withConnection(host: "127.0.0.1", port: port) { admin in
                _ = try await admin.call("session.authenticate", .object(["token": .string("admin-token")]))
                return try await Self.recordGasInspection(&admin, uscc: try Self.usccText(Self.suzhou), region: "320581")
            }
            let id = try #require(ids.first)
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { shanghai in
                _ = try await shanghai.call("session.authenticate", .object(["token": .string("gas-inspector")]))
                // Another region's hazard answers as an unknown id would: no oracle of where it is.
                let read = await #expect(throws: RPCError.self) { _ = try await shanghai.call("hazards.get", .object(["id": .number(id)])) }
                #expect(read?.code == -32003)
                #expect(read?.data?["kind"] == .string("hazard"))
                let plan = await #expect(throws: RPCError.self) {
                    _ = try await shanghai.call("hazards.rectify", .object(["id": .number(id)]))
                }
                #expect(plan?.code == -32003)
                let listed = try await shanghai.call("hazards.list")
                #expect(listed["hazards"]?.array?.isEmpty == true)
                let other = await #expect(throws: RPCError.self) { _ = try await shanghai.call("hazards.list", .object(["region": .string("320581")])) }
                #expect(other?.code == -32002)
            }
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { suzhou in
                _ = try await suzhou.call("session.authenticate", .object(["token": .string("bureau-suzhou")]))
                let listed = try await suzhou.call("hazards.list")
                #expect(listed["hazards"]?.array?.count == ids.count)
                _ = try await suzhou.call("hazards.get", .object(["id": .number(id)]))
            }
        }
    }

    @Test("1,000 pipelined requests on one connection are all answered, each under its id")
    func pipelining() async throws {
        try await withTestServer { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                let requests = (0..<1000).map { k in
                    RPCResponse.request(id: .number(k), method: k.isMultiple(of: 2) ? "hazard.grade" : "engine.info",
                                        params: k.isMultiple(of: 2) ? Fixtures.gasGradeParams : .object([]))
                }
                try await client.send(contentsOf: requests)
                var seen = Set<Int>()
                for _ in 0..<1000 {
                    let response = try await client.receive()
                    #expect(response["error"] == nil)
                    if let id = response["id"]?.numberValue?.int { seen.insert(id) }
                }
                #expect(seen == Set(0..<1000))
            }
        }
    }

    @Test("ledger calls pipelined among gradings are answered in request order, after the authentication before them")
    func pipelinedLedgerCallsKeepOrder() async throws {
        try await withTestServer(auth: Fixtures.auth) { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                var requests = [RPCResponse.request(id: .number(0), method: "session.authenticate", params: .object(["token": .string("gas-inspector")]))]
                for k in 1..<60 {
                    switch k % 3 {
                    case 0: requests.append(RPCResponse.request(id: .number(k), method: "hazards.list", params: .object([])))
                    default: requests.append(RPCResponse.request(id: .number(k), method: "hazard.grade", params: Fixtures.gasGradeParams))
                    }
                }
                try await client.send(contentsOf: requests)
                var ids: [Int] = []
                for _ in requests {
                    let response = try await client.receive()
                    #expect(response["error"] == nil)
                    ids.append(response["id"]?.numberValue?.int ?? -1)
                }
                #expect(ids == Array(0..<60))
            }
        }
    }

    @Test("more ledger calls pipelined than may wait are all answered in order: reading pauses, nothing is dropped")
    func backPressure() async throws {
        let count = RPCConnectionHandler.maximumQueued * 3
        try await withTestServer { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                let requests = (0..<count).map { k in
                    k.isMultiple(of: 2) ? RPCResponse.request(id: .number(k), method: "hazards.list", params: .object([]))
                        : RPCResponse.request(id: .number(k), method: "engine.info", params: .object([]))
                }
                try await client.send(contentsOf: requests)
                var ids: [Int] = []
                for _ in 0..<count {
                    let response = try await client.receive()
                    #expect(response["error"] == nil)
                    ids.append(response["id"]?.numberValue?.int ?? -1)
                }
                #expect(ids == Array(0..<count))
            }
        }
    }

    @Test("50 concurrent connections each get their own answers")
    func concurrentConnections() async throws {
        try await withTestServer { port in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                            var ok = 0
                            for _ in 0..<10 {
                                let result = try await client.call("hazard.grade", Fixtures.gasGradeParams)
                                if result["rating"]?["level"] == .string("red") { ok += 1 }
                            }
                            return ok
                        }
                    }
                }
                var total = 0
                for try await ok in group { total += ok }
                #expect(total == 500)
            }
        }
    }

    @Test("every n_ JSONTestSuite document is answered -32700 and the connection stays usable",
          .enabled(if: JSONTestSuite.directory != nil, "JSONTestSuite not found; skipped"))
    func malformedDocuments() async throws {
        let documents = try JSONTestSuite.files("n_").map(JSONTestSuite.bytes).filter { !$0.isEmpty }
        try await withTestServer { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                for document in documents {
                    try await client.sendRaw(Array(RPCFrame.make(document).readableBytesView))
                    let response = try await client.receive()
                    #expect(response.errorCode == -32700)
                }
                #expect(try await client.call("engine.info")["protocol"] == .number(1))
            }
        }
    }

    @Test("a bad frame length gets an error frame, then the server closes", arguments: [[0, 0, 0, 0] as [UInt8], [0x7F, 0xFF, 0xFF, 0xFF]])
    func badLength(header: [UInt8]) async throws {
        try await withTestServer { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                try await client.sendRaw(header)
                let response = try await client.receive()
                #expect(response.errorCode == -32010)
                #expect(response["id"] == .null)
                #expect(try await client.receiveFrame() == nil)
            }
            // The server itself is unaffected.
            let info = try await RPCClient.withConnection(host: "127.0.0.1", port: port) { try await $0.call("engine.info") }
            #expect(info["protocol"] == .number(1))
        }
    }

    @Test("past max connections a client gets -32011 and the others carry on")
    func maxConnections() async throws {
        let configuration = RPCServerConfiguration(host: "127.0.0.1", port: 0, maxConnections: 2)
        try await withTestServer(configuration: configuration) { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { first in
                _ = try await first.call("engine.info")
                try await RPCClient.withConnection(host: "127.0.0.1", port: port) { second in
                    _ = try await second.call("engine.info")
                    try await RPCClient.withConnection(host: "127.0.0.1", port: port) { third in
                        let response = try await third.receive()
                        #expect(response.errorCode == -32011)
                    }
                    _ = try await second.call("engine.info")
                }
                _ = try await first.call("engine.info")
            }
        }
    }

    @Test("an unauthenticated server refuses a non-loopback address")
    func loopbackOnly() {
        #expect(throws: RPCConfigurationError.self) { try RPCServerConfiguration(host: "0.0.0.0").validate(authenticated: false) }
        #expect(throws: Never.self) { try RPCServerConfiguration(host: "0.0.0.0").validate(authenticated: true) }
        #expect(throws: Never.self) { try RPCServerConfiguration(host: "127.0.0.1").validate(authenticated: false) }
    }

    @Test("loopback is judged on the resolved address, not the name's text", arguments: [
        ("127.0.0.1", true), ("127.8.9.10", true), ("::1", true), ("localhost", true), ("::ffff:127.0.0.1", true),
        ("0.0.0.0", false), ("::", false), ("10.0.0.1", false), ("127.example.invalid", false), ("1.127.0.0", false),
    ])
    func loopbackResolved(host: String, loopback: Bool) {
        #expect(RPCServerConfiguration(host: host).isLoopback == loopback)
    }

    @Test("token files are read, hashes checked, bad entries located")
    func tokenFile() throws {
        let good = """
            {"tokens":[{"name":"a","sha256":"\(RPCAuthConfiguration.hash(token: "secret"))","role":"inspector","sectors":["gas"],"regions":["310100"]}]}
            """
        let config = try RPCAuthConfiguration.parse(Array(good.utf8), file: "t.json")
        #expect(config.principal(token: "secret")?.role == .inspector)
        #expect(config.principal(token: "Secret") == nil)
        let bad = "{\"tokens\":[{\"name\":\"a\",\"sha256\":\"xyz\",\"role\":\"inspector\"}]}"
        let error = #expect(throws: RPCConfigurationError.self) { try RPCAuthConfiguration.parse(Array(bad.utf8), file: "t.json") }
        #expect(error?.message.contains("tokens[0].sha256") == true)
        // Scopes are applied in SQL as region codes: a name or a short code is refused at load.
        let region = good.replacingOccurrences(of: "\"310100\"", with: "\"上海\"")
        let regionError = #expect(throws: RPCConfigurationError.self) { try RPCAuthConfiguration.parse(Array(region.utf8), file: "t.json") }
        #expect(regionError?.message.contains("tokens[0].regions: '上海' is not a 6-digit administrative region code") == true)
    }
}
