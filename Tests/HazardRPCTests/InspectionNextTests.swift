import HazardJSON
import HazardRPC
import Testing

/// `inspection.next` through the dispatcher: params read as `hazard.grade` reads them, the
/// result as rpc/PROTOCOL.md describes it.
@Suite("inspection.next")
struct InspectionNextTests {
    let dispatcher = Fixtures.dispatcher()

    func call(_ params: String) async throws -> JSONValue {
        var session = dispatcher.makeSession()
        let request = try JSONReader.read("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"inspection.next\",\"params\":\(params)}")
        return try #require(await dispatcher.respond(to: request, session: &session))
    }

    @Test("with no answers every criterion waits and the first question asked is an applicability one")
    func initial() async throws {
        let result = try #require(try await call("{\"checklist\":\"urban-gas-2023\"}")["result"])
        #expect(result["progress"]?["decided"] == .number(0))
        #expect(result["progress"]?["waiting"] == result["progress"]?["criteria"])
        #expect(result["complete"] == .bool(false))
        let first = try #require(result["open"]?.array?.first)
        #expect(first["applicability"] == .bool(true))
        #expect(first["question"]?["type"] == .string("boolean"))
        #expect(first["criteria"]?.array?.isEmpty == false)
        #expect(result["open_count"] == .number(result["open"]?.array?.count ?? -1))
    }

    @Test("the findings it calls decided are hazard.grade's, and the others are unanswered there")
    func complete() async throws {
        var params = Fixtures.gasGradeParams
        let result = try #require(try await call(String(decoding: params.jsonBytes, as: UTF8.self))["result"])
        var session = dispatcher.makeSession()
        guard case .object(var members) = params else { Issue.record("fixture"); return }
        members.append(JSONMember(key: "detail", value: .string("full")))
        params = .object(members)
        let request = JSONValue.object(["jsonrpc": .string("2.0"), "id": .number(2), "method": .string("hazard.grade"), "params": params])
        let graded = try #require(await dispatcher.respond(to: request, session: &session)?["result"]?["findings"]?.array)
        let decided = try #require(result["decided"]?.array)
        let unanswered = graded.filter { $0["status"] == .string("unanswered") }.count
        #expect(decided.count + unanswered == graded.count)
        for entry in decided {
            let finding = graded.first { $0["criterion"] == entry["criterion"] }
            #expect(finding?["status"] == entry["status"])
        }
    }

    @Test("limit caps the open questions written, not their count")
    func limit() async throws {
        let result = try #require(try await call("{\"checklist\":\"urban-gas-2023\",\"limit\":1}")["result"])
        #expect(result["open"]?.array?.count == 1)
        #expect((result["open_count"]?.numberValue?.int ?? 0) > 1)
    }

    @Test("bad params are refused with the code hazard.grade uses", arguments: [
        ("{\"checklist\":\"urban-gas-2023\",\"answers\":{\"has_emergency_plan\":\"yes\"}}", -32005),
        ("{\"checklist\":\"nope\"}", -32003),
        ("{\"checklist\":\"urban-gas-2023\",\"limit\":0}", -32602),
        ("{\"checklist\":\"urban-gas-2023\",\"inspection_date\":\"2026-02-30\"}", -32602),
        ("{\"checklist\":\"urban-gas-2023\",\"answer\":{}}", -32602),
    ])
    func refused(_ params: String, _ code: Int) async throws {
        let response = try await call(params)
        #expect(response["error"]?["code"] == .number(code))
    }

    @Test("engine.info lists the method")
    func listed() async throws {
        var session = dispatcher.makeSession()
        let info = try #require(await dispatcher.respond(to: try JSONReader.read("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"engine.info\"}"), session: &session))
        #expect(info["result"]?["methods"]?.array?.contains(.string("inspection.next")) == true)
    }
}
