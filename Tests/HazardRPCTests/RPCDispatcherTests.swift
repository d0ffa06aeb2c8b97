import HazardCoreJSON
import HazardJSON
import HazardRPC
import NIOCore
import NIOEmbedded
import Testing

/// Frames go through the real decoder in an EmbeddedChannel, then through the dispatcher.
@Suite("JSON-RPC dispatch")
struct RPCDispatcherTests {
    let dispatcher = Fixtures.dispatcher()

    /// Feeds raw bytes to a decoder channel and answers every decoded frame.
    func answers(_ bytes: ByteBuffer, dispatcher: RPCDispatcher? = nil, session: RPCSession? = nil) async throws -> [JSONValue?] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(RPCFrameDecoder(maxFrameLength: 1 << 20)))
        try channel.writeInbound(bytes)
        let dispatcher = dispatcher ?? self.dispatcher
        var session = session ?? dispatcher.makeSession()
        var out: [JSONValue?] = []
        while let frame = try channel.readInbound(as: ByteBuffer.self) {
            out.append(await dispatcher.respond(to: frame, session: &session))
        }
        _ = try channel.finish()
        return out
    }

    func answer(_ text: String, dispatcher: RPCDispatcher? = nil) async throws -> JSONValue {
        let all = try await answers(frame(text), dispatcher: dispatcher)
        let first = try #require(all.first)
        return try #require(first)
    }

    @Test("invalid UTF-8 is a parse error with the offset of the bad byte")
    func invalidUTF8() async throws {
        let all = try await answers(frame([0x22, 0x61, 0xC3, 0x28, 0x22]))
        let first = try #require(all.first)
        let response = try #require(first)
        #expect(response.errorCode == -32700)
        #expect(response["id"] == .null)
        #expect(response["error"]?["data"]?["offset"] == .number(2))
    }

    @Test("invalid JSON is a parse error and the next frame is still answered")
    func invalidJSON() async throws {
        var bytes = frame("{\"jsonrpc\":\"2.0\",\"id\":1,")
        bytes.writeImmutableBuffer(frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"engine.info\"}"))
        let all = try await answers(bytes)
        #expect(all.count == 2)
        #expect(all[0]?.errorCode == -32700)
        #expect(all[1]?["result"]?["protocol"] == .number(1))
    }

    @Test("a batch is answered in order, notifications omitted")
    func batch() async throws {
        let response = try await answer("""
            [{"jsonrpc":"2.0","id":"a","method":"engine.info"},
             {"jsonrpc":"2.0","method":"engine.info"},
             {"jsonrpc":"2.0","id":"c","method":"no.such"},
             42]
            """)
        let items = try #require(response.array)
        #expect(items.count == 3)
        #expect(items[0]["id"] == .string("a"))
        #expect(items[1]["id"] == .string("c"))
        #expect(items[1].errorCode == -32601)
        #expect(items[2].errorCode == -32600)
    }

    @Test("an empty batch is one invalid-request error")
    func emptyBatch() async throws {
        #expect(try await answer("[]").errorCode == -32600)
    }

    @Test("a batch of notifications gets no answer")
    func notificationBatch() async throws {
        let all = try await answers(frame("[{\"jsonrpc\":\"2.0\",\"method\":\"engine.info\"}]"))
        #expect(all == [nil])
    }

    @Test("an unknown method is -32601 naming it")
    func unknownMethod() async throws {
        let response = try await answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hazard.explode\"}")
        #expect(response.errorCode == -32601)
        #expect(response["error"]?["data"]?["method"] == .string("hazard.explode"))
    }

    @Test("wrong params types are -32602 naming the field", arguments: [
        ("{\"id\":42}", "id"),
        ("{\"checklist\":1}", "checklist"),
        ("{\"checklist\":\"urban-gas-2023\",\"answers\":[]}", "answers"),
        ("{\"checklist\":\"urban-gas-2023\",\"answers\":\"yes\"}", "answers"),
        ("{\"checklist\":\"urban-gas-2023\",\"answers\":7}", "answers"),
        ("{\"checklist\":\"urban-gas-2023\",\"answers\":true}", "answers"),
        ("{\"checklist\":\"urban-gas-2023\",\"inspection_date\":\"18/03/2026\"}", "inspection_date"),
        ("{\"checklist\":\"urban-gas-2023\",\"answerz\":{}}", "answerz"),
    ])
    func wrongParams(params: String, field: String) async throws {
        let method = field == "id" ? "checklists.get" : "hazard.grade"
        let response = try await answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\(method)\",\"params\":\(params)}")
        #expect(response.errorCode == -32602)
        #expect(response["error"]?["data"]?["field"] == .string(field))
    }

    @Test("params given by position are rejected")
    func positional() async throws {
        #expect(try await answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"checklists.get\",\"params\":[\"x\"]}").errorCode == -32602)
    }

    @Test("envelopes that are not JSON-RPC 2.0 are -32600", arguments: [
        "{\"id\":1,\"method\":\"engine.info\"}",
        "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"engine.info\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}",
        "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"engine.info\"}",
        "\"engine.info\"",
    ])
    func invalidRequest(text: String) async throws {
        #expect(try await answer(text).errorCode == -32600)
    }

    @Test("ids come back exactly as sent", arguments: ["12345678901234567890123", "1.50", "\"α-7\"", "null", "-0"])
    func idEcho(id: String) async throws {
        let response = try await answer("{\"jsonrpc\":\"2.0\",\"id\":\(id),\"method\":\"engine.info\"}")
        #expect(response["id"] == (try JSONReader.read(id)))
        #expect(JSONWriter.string(try #require(response["id"])) == id)
    }

    @Test("answers that do not fit are -32005 with every issue")
    func validation() async throws {
        let response = try await answer("""
            {"jsonrpc":"2.0","id":1,"method":"hazard.grade","params":{"checklist":"urban-gas-2023",
             "answers":{"has_emergency_plan":"yes","no_such_question":true}}}
            """)
        #expect(response.errorCode == -32005)
        let issues = try #require(response["error"]?["data"]?["issues"]?.array)
        #expect(Set(issues.compactMap { $0["path"]?.string }) == ["has_emergency_plan", "no_such_question"])
    }

    @Test("detail trims the findings: hazards keeps major and general ones, summary none")
    func gradeDetail() async throws {
        guard case .object(let base) = Fixtures.gasGradeParams else { Issue.record("fixture"); return }
        func grade(_ detail: String) async throws -> JSONValue {
            let params = JSONValue.object(base + [JSONMember(key: "detail", value: .string(detail))])
            return try await answer(JSONWriter.string(RPCResponse.request(id: .number(1), method: "hazard.grade", params: params)))
        }
        let full = try await grade("full")["result"]
        let hazards = try await grade("hazards")["result"]
        let summary = try await grade("summary")["result"]
        #expect(full?["counts"] == summary?["counts"])
        #expect(summary?["findings"]?.array?.isEmpty == true)
        let statuses = Set(hazards?["findings"]?.array?.compactMap { $0["status"]?.string } ?? [])
        #expect(statuses.isSubset(of: ["major", "general"]) && !statuses.isEmpty)
        #expect(try await grade("everything").errorCode == -32602)
    }

    @Test("an unknown checklist is -32003")
    func unknownChecklist() async throws {
        let response = try await answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"checklists.get\",\"params\":{\"id\":\"nope\"}}")
        #expect(response.errorCode == -32003)
        #expect(response["error"]?["data"]?["kind"] == .string("checklist"))
    }

    @Test("with tokens configured, methods need authentication first")
    func unauthenticated() async throws {
        let response = try await answer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"checklists.list\"}", dispatcher: Fixtures.dispatcher(auth: Fixtures.auth))
        #expect(response.errorCode == -32001)
    }

    @Test("a principal outside the checklist's sector is forbidden")
    func sectorScope() async throws {
        let dispatcher = Fixtures.dispatcher(auth: Fixtures.auth)
        var session = dispatcher.makeSession()
        let auth = await dispatcher.respond(to: try JSONReader.read("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"session.authenticate\",\"params\":{\"token\":\"chem-inspector\"}}"), session: &session)
        #expect(auth?["result"]?["role"] == .string("inspector"))
        let response = await dispatcher.respond(to: try JSONReader.read("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"checklists.get\",\"params\":{\"id\":\"urban-gas-2023\"}}"), session: &session)
        #expect(response?.errorCode == -32002)
        #expect(response?["error"]?["data"]?["scope"] == .string("sector"))
        let list = await dispatcher.respond(to: try JSONReader.read("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"checklists.list\"}"), session: &session)
        #expect(list?["result"]?["checklists"]?.array?.isEmpty == true)
    }

    @Test("five wrong tokens close the connection")
    func bruteForce() async throws {
        let dispatcher = Fixtures.dispatcher(auth: Fixtures.auth)
        var session = dispatcher.makeSession()
        for k in 1...5 {
            let response = await dispatcher.respond(to: try JSONReader.read("{\"jsonrpc\":\"2.0\",\"id\":\(k),\"method\":\"session.authenticate\",\"params\":{\"token\":\"guess\(k)\"}}"), session: &session)
            #expect(response?.errorCode == -32001)
        }
        #expect(session.shouldClose)
    }
}
