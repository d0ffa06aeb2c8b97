import HazardCoreJSON
import HazardJSON
import Foundation
import HazardRPC
import NIOCore
import Testing

/// Issue 12: a hostile client must not take the server down or starve well-behaved clients.
@Suite("Availability under hostile clients")
struct RPCAvailabilityTests {
    static func request(_ id: Int, _ method: String, _ params: String = "{}") -> String {
        "{\"jsonrpc\":\"2.0\",\"id\":\(id),\"method\":\"\(method)\",\"params\":\(params)}"
    }

    static let checklistGet = "{\"id\":\"urban-gas-2023\"}"

    static func answer(_ text: String, maxResponse: Int) async throws -> (JSONValue, Int) {
        var dispatcher = Fixtures.dispatcher()
        dispatcher.maxResponseLength = maxResponse
        var session = dispatcher.makeSession()
        var out = ByteBuffer()
        await dispatcher.respond(to: ByteBuffer(bytes: Array(text.utf8)), session: &session, into: &out)
        let header = out.readInteger(as: UInt32.self)
        let length = Int(try #require(header))
        #expect(length == out.readableBytes)
        return (try JSONReader.read(Array(out.readableBytesView)), length)
    }

    // MARK: Response budget

    @Test("a writer past its limit drops the text, says so, and rewinds to a mark")
    func writerLimit() throws {
        var out = JSONOutput(capacity: 16)
        out.limit = 40
        out.beginArray()
        let mark = out.mark
        out.string(String(repeating: "x", count: 100))
        let over = out.isOverLimit, count = out.byteCount
        #expect(over)
        #expect(count <= 40)
        out.rewind(to: mark)
        let after = out.isOverLimit
        #expect(!after)
        out.number(7)
        out.endArray()
        #expect(String(decoding: out.bytes, as: UTF8.self) == "[7]")
    }

    @Test("a response past max_response is -32013 with its limit, never built whole")
    func singleResponseTooLarge() async throws {
        let (full, size) = try await Self.answer(Self.request(1, "checklists.get", Self.checklistGet), maxResponse: 1 << 24)
        #expect(full["result"] != nil)
        let (cut, length) = try await Self.answer(Self.request(1, "checklists.get", Self.checklistGet), maxResponse: size / 2)
        #expect(cut.errorCode == -32013)
        #expect(cut["id"] == .number(1))
        #expect(cut["error"]?["data"]?["limit"] == .number(size / 2))
        #expect(cut["error"]?["data"]?["ran"] == .bool(true))
        #expect(length < size / 2)
    }

    @Test("a batch shares one budget: the entry that passes it is -32013 (ran), the later ones are not run")
    func batchBudget() async throws {
        let (_, size) = try await Self.answer(Self.request(1, "checklists.get", Self.checklistGet), maxResponse: 1 << 24)
        let batch = "[" + (1...6).map { Self.request($0, "checklists.get", Self.checklistGet) }.joined(separator: ",") + "]"
        let limit = size * 2 + size / 2
        let (answers, length) = try await Self.answer(batch, maxResponse: limit)
        let items = try #require(answers.array)
        #expect(items.count == 6)
        #expect(items[0]["result"] != nil && items[1]["result"] != nil)
        #expect(items[2].errorCode == -32013 && items[2]["error"]?["data"]?["ran"] == .bool(true))
        for item in items[3...] {
            #expect(item.errorCode == -32013 && item["error"]?["data"]?["ran"] == .bool(false))
        }
        #expect(length <= limit + 4 * 200)
    }

    @Test("1,000 checklists.get in one batch: the server answers within max_response and keeps serving")
    func largeBatchOverTCP() async throws {
        let configuration = RPCServerConfiguration(host: "127.0.0.1", port: 0, maxResponseLength: 1 << 20)
        try await withTestServer(configuration: configuration) { port in
            let batch = "[" + (1...1000).map { Self.request($0, "checklists.get", Self.checklistGet) }.joined(separator: ",") + "]"
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                try await client.sendRaw(Array(frame(batch).readableBytesView))
                let response = try #require(try await client.receiveFrame())
                #expect(response.readableBytes <= (1 << 20) + 1000 * 200)
                let items = try #require(try JSONReader.read(Array(response.readableBytesView)).array)
                #expect(items.count == 1000)
                #expect(items.last?.errorCode == -32013)
                #expect(try await client.call("engine.info")["limits"]?["max_response"] != nil)
            }
        }
    }

    // MARK: Stored text

    @Test("inspection.record refuses text and lists past the limits with -32014 naming the field",
          arguments: [
            ("{\"answers\":{\"note\":\"\(String(repeating: "a", count: 9000))\"}}", "answers.note"),
            ("{\"inspectors\":[\(Array(repeating: "\"x\"", count: 300).joined(separator: ","))]}", "inspectors"),
            ("{\"answers\":{\(((0..<20).map { "\"q\($0)\":\"\(String(repeating: "b", count: 4000))\"" }).joined(separator: ","))}}", "answers.q16"),
          ])
    func recordLimits(params: String, field: String) throws {
        let value = try JSONReader.read(Array(params.utf8))
        let error = #expect(throws: RPCError.self) { try RPCRecordLimits.check(value) }
        #expect(error?.code == -32014)
        #expect(error?.data?["field"] == .string(field))
    }

    // MARK: Back-pressure

    @Test("a client that pipelines and never reads is paused: buffered output stays bounded, others are served, nothing is lost")
    func writeBackPressure() async throws {
        let metrics = RPCServerMetrics()
        let highWater = 64 << 10
        let configuration = RPCServerConfiguration(host: "127.0.0.1", port: 0, outputHighWater: highWater, outputLowWater: 16 << 10)
        let (_, size) = try await Self.answer(Self.request(1, "checklists.get", Self.checklistGet), maxResponse: 1 << 24)
        // Far more than the kernel's socket buffers hold.
        let count = max(200, (64 << 20) / size)
        try await withTestServer(configuration: configuration, metrics: metrics) { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { attacker in
                var bytes: [UInt8] = []
                for id in 1...count { bytes += Array(frame(Self.request(id, "checklists.get", Self.checklistGet)).readableBytesView) }
                try await attacker.sendRaw(bytes)
                // Wait (not a timing assertion) until the server has paused this connection.
                var waited = 0
                while metrics.outputPauses == 0, waited < 6000 {
                    try await Task.sleep(for: .milliseconds(10))
                    waited += 1
                }
                #expect(metrics.outputPauses > 0)
                let info = try await RPCClient.withConnection(host: "127.0.0.1", port: port) { try await $0.call("engine.info") }
                #expect(info["protocol"] == .number(1))
                // Held: at most the high-water mark, one response and the frames of one read.
                #expect(metrics.peakBufferedBytes <= highWater + size + (4 << 20))
                for id in 1...count {
                    let response = try await attacker.receive()
                    #expect(response["id"] == .number(id))
                }
            }
        }
    }

    // MARK: Before authentication

    @Test("unauthenticated connections from one address are limited; after one authenticates, an admin gets in")
    func unauthenticatedSlots() async throws {
        let configuration = RPCServerConfiguration(host: "127.0.0.1", port: 0, maxConnections: 10, maxUnauthenticatedPerAddress: 2)
        try await withTestServer(auth: Fixtures.auth, configuration: configuration) { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { first in
                _ = try await first.call("engine.info")
                try await RPCClient.withConnection(host: "127.0.0.1", port: port) { second in
                    _ = try await second.call("engine.info")
                    try await RPCClient.withConnection(host: "127.0.0.1", port: port) { third in
                        let refused = try await third.receive()
                        #expect(refused.errorCode == -32011)
                    }
                    _ = try await first.call("session.authenticate", .object(["token": .string("reader-token")]))
                    let admin = try await RPCClient.withConnection(host: "127.0.0.1", port: port) {
                        try await $0.call("session.authenticate", .object(["token": .string("admin-token")]))
                    }
                    #expect(admin["role"] == .string("admin"))
                }
            }
        }
    }

    @Test("a connection that does not authenticate in time gets -32001 and is closed; others carry on")
    func authenticationDeadline() async throws {
        // Long enough that a loaded machine finishes setting up the client's channel before the
        // server closes it (at 200 ms the close could win and the client saw a closed channel).
        let configuration = RPCServerConfiguration(host: "127.0.0.1", port: 0, authTimeout: .seconds(2))
        try await withTestServer(auth: Fixtures.auth, configuration: configuration) { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { idle in
                let response = try await idle.receive()
                #expect(response.errorCode == -32001)
                let end = try await idle.receiveFrame()
                #expect(end == nil)
            }
            let info = try await RPCClient.withConnection(host: "127.0.0.1", port: port) { try await $0.call("engine.info") }
            #expect(info["protocol"] == .number(1))
        }
    }

    @Test("before authenticating, frames over the smaller limit are refused with -32010")
    func unauthenticatedFrameLimit() async throws {
        let configuration = RPCServerConfiguration(host: "127.0.0.1", port: 0, unauthenticatedMaxFrameLength: 1024)
        try await withTestServer(auth: Fixtures.auth, configuration: configuration) { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                try await client.sendRaw([0, 0, 0x10, 0])
                let response = try await client.receive()
                #expect(response.errorCode == -32010)
                #expect(response["error"]?["data"]?["max"] == .number(1024))
            }
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                _ = try await client.call("session.authenticate", .object(["token": .string("admin-token")]))
                let big = Self.request(9, "engine.info", "{}") + String(repeating: " ", count: 4000)
                try await client.sendRaw(Array(frame(big).readableBytesView))
                let response = try await client.receive()
                #expect(response["id"] == .number(9))
            }
        }
    }
}
