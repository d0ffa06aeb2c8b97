import HazardCoreJSON
import HazardJSON
import Foundation
import HazardCore
import HazardPlugins
@testable import HazardRPC
import HazardYAML
import NIOCore
import Testing

/// `hazard.grade` is answered straight from the request's token tape when it can be, and from
/// the request's `JSONValue` tree otherwise. These tests hold the two paths to the same bytes:
/// for every test case and example of every shipped checklist, at every detail level, and for
/// requests the direct path must decline (errors, escapes, repeated keys, unusual spellings).
@Suite("hazard.grade answered from the token tape")
struct RPCDirectGradeTests {
    static let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let checklists: [Checklist] = ChecklistLoader(registry: BuiltinPlugins.registry)
        .loadAll([root.appendingPathComponent("checklists").path]).checklists

    static let dispatcher: RPCDispatcher = {
        let engine = RPCEngineMethods(checklists: checklists, serverVersion: "test")
        let methods = RPCServerMethods.make(engine: engine, configuration: RPCServerConfiguration(), authenticated: false, extra: [])
        return RPCDispatcher(methods: methods, auth: nil, logger: Fixtures.logger)
    }()

    /// Every shipped test case and example as (label, checklist, inspection date, answers as JSON).
    static let cases: [(label: String, checklist: Checklist, date: Day?, answers: JSONValue)] = {
        var cases: [(String, Checklist, Day?, JSONValue)] = []
        for checklist in checklists {
            for test in checklist.tests { cases.append(("\(checklist.id.rawValue): \(test.name)", checklist, test.inspectionDate, json(test.answers))) }
            cases.append(("\(checklist.id.rawValue): no answers", checklist, nil, .object([])))
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)) ?? []
        for name in files.sorted() where name.hasSuffix(".yaml") {
            guard let file = try? AnswersFile.load(path: root.appendingPathComponent("examples/\(name)").path),
                  let checklist = checklists.first(where: { $0.id == file.checklist }) else { continue }
            cases.append(("example \(name)", checklist, file.inspectionDate, json(file.answers)))
        }
        return cases
    }()

    /// A YAML answer tree as a client would send it in JSON: plain scalars that read as
    /// booleans or numbers become those, everything else text.
    static func json(_ input: AnswerInput) -> JSONValue {
        switch input.kind {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n), .decimal(let n): return .number(n)
        case .string(let s): return .string(s)
        case .plain(let s):
            if ["true", "True", "TRUE"].contains(s) { return .bool(true) }
            if ["false", "False", "FALSE"].contains(s) { return .bool(false) }
            if let number = JSONNumber(text: s) { return .number(number) }
            return .string(s)
        case .sequence(let items): return .array(items.map(json))
        case .mapping(let pairs): return .object(pairs.map { JSONMember(key: $0.key, value: json($0.value)) })
        }
    }

    static func request(_ checklist: String, date: Day?, answers: JSONValue, detail: String?, id: JSONValue = .number(7)) -> JSONValue {
        var params: [JSONMember] = [JSONMember(key: "checklist", value: .string(checklist))]
        if let date { params.append(JSONMember(key: "inspection_date", value: .string(date.description))) }
        params.append(JSONMember(key: "answers", value: answers))
        if let detail { params.append(JSONMember(key: "detail", value: .string(detail))) }
        return .object(["jsonrpc": .string("2.0"), "id": id, "method": .string("hazard.grade"), "params": .object(params)])
    }

    /// The response frame each path gives, and whether the direct path answered.
    static func bothPaths(_ text: [UInt8]) async throws -> (direct: [UInt8], tree: [UInt8], answeredDirectly: Bool) {
        var session = dispatcher.makeSession()
        var scratch = RPCScratch()
        var direct = ByteBuffer()
        _ = dispatcher.respondNow(to: ByteBuffer(bytes: text), session: &session, into: &direct, scratch: &scratch)
        var tape = JSONTape()
        var json = JSONOutput()
        let answered = text.withUnsafeBufferPointer { document in
            (try? JSONReader.read(document, into: &tape)) != nil && dispatcher.respondDirect(tape, document, session: session, writing: &json)
        }
        var tree = ByteBuffer()
        await dispatcher.respond(to: try JSONReader.read(text), session: &session, into: &tree)
        return (Array(direct.readableBytesView), Array(tree.readableBytesView), answered)
    }

    @Test("every shipped test case and example grades to the same bytes on both paths", arguments: ["full", "hazards", "summary", nil] as [String?])
    func shippedCases(detail: String?) async throws {
        #expect(Self.cases.count > 600)
        var direct = 0
        for example in Self.cases {
            let text = JSONWriter.bytes(Self.request(example.checklist.id.rawValue, date: example.date, answers: example.answers, detail: detail))
            let result = try await Self.bothPaths(text)
            #expect(result.direct == result.tree, "\(example.label)")
            if result.answeredDirectly { direct += 1 }
        }
        // Cases that expect an error (a plugin refusing an answer, an answer that does not fit)
        // take the tree path; nearly all others are answered directly.
        #expect(direct > Self.cases.count * 3 / 4)
    }

    @Test("the gas example is answered directly, with its id echoed as sent", arguments: [JSONValue.number(1), .number(JSONNumber(text: "18446744073709551617") ?? JSONNumber(0)), .string("请求-1")])
    func answeredDirectly(id: JSONValue) async throws {
        let params = try #require(Fixtures.gasGradeParams.members)
        let text = JSONWriter.bytes(.object(["jsonrpc": .string("2.0"), "id": id, "method": .string("hazard.grade"), "params": .object(params)]))
        let result = try await Self.bothPaths(text)
        #expect(result.answeredDirectly)
        #expect(result.direct == result.tree)
    }

    /// Requests the direct path must leave to the tree path, which answers them (mostly with
    /// errors); both paths give the same bytes.
    static let declined: [(label: String, text: String)] = {
        let gas = #""checklist":"urban-gas-2023""#
        let fire = #""checklist":"fire-gb35181-2017""#
        func grade(_ params: String, id: String = "1") -> String { #"{"jsonrpc":"2.0","id":\#(id),"method":"hazard.grade","params":{\#(params)}}"# }
        return [
            ("a wrong answer type", grade(gas + #","answers":{"has_emergency_plan":"yes"}"#)),
            ("an unknown question", grade(gas + #","answers":{"has_emergency_plann":true}"#)),
            ("an enum value that is not an option", grade(gas + #","answers":{"ex_area_devices":[{"device":"泵","zone":"zone_9","epl":"gb"}]}"#)),
            ("an unknown record field", grade(gas + #","answers":{"ex_area_devices":[{"device":"泵","zone":"zone_1","colour":"red"}]}"#)),
            ("a record field given twice", grade(gas + #","answers":{"ex_area_devices":[{"zone":"zone_1","zone":"zone_2"}]}"#)),
            ("a record that is not an object", grade(gas + #","answers":{"ex_area_devices":[true]}"#)),
            ("a number out of bounds", grade(gas + #","answers":{"gas_relative_density":-5}"#)),
            ("an answer key with an escape", grade(gas + #","answers":{"has_emergency\u005fplan":false}"#)),
            ("a text answer with an escape", grade(gas + #","answers":{"ex_area_devices":[{"device":"P\"1","zone":"zone_1"}]}"#)),
            ("an unknown param", grade(gas + #","answers":{},"colour":"red""#)),
            ("a missing checklist", grade(#""answers":{}"#)),
            ("an unknown checklist", grade(#""checklist":"no-such","answers":{}"#)),
            ("a bad detail", grade(gas + #","detail":"all""#)),
            ("a bad date", grade(gas + #","inspection_date":"2026-02-30""#)),
            ("answers that are not an object", grade(gas + #","answers":[1]"#)),
            ("no params", #"{"jsonrpc":"2.0","id":1,"method":"hazard.grade"}"#),
            ("a notification", #"{"jsonrpc":"2.0","method":"hazard.grade","params":{"checklist":"urban-gas-2023"}}"#),
            ("a null id", grade(gas, id: "null")),
            ("an id that is an object", grade(gas, id: "{}")),
            ("a wrong jsonrpc version", #"{"jsonrpc":"1.0","id":1,"method":"hazard.grade","params":{"checklist":"urban-gas-2023"}}"#),
            ("a batch", "[" + grade(gas) + "]"),
            ("another method", #"{"jsonrpc":"2.0","id":1,"method":"engine.info"}"#),
            ("an integer answer in exponent form", grade(fire + #","answers":{"exit_count":1e2}"#)),
            ("an integer answer with a fraction", grade(fire + #","answers":{"exit_count":2.0}"#)),
            ("an integer answer beyond Int64", grade(fire + #","answers":{"exit_count":9223372036854775808}"#)),
            ("an integer answer far beyond Int64", grade(fire + #","answers":{"exit_count":99999999999999999999}"#)),
        ]
    }()

    @Test("a request the direct path declines is answered by the tree path, the same bytes either way", arguments: declined.indices)
    func declinedRequests(index: Int) async throws {
        let (label, text) = Self.declined[index]
        let result = try await Self.bothPaths(Array(text.utf8))
        #expect(!result.answeredDirectly, "\(label)")
        #expect(result.direct == result.tree, "\(label): \(String(decoding: result.direct.dropFirst(4), as: UTF8.self).prefix(300))")
    }

    /// Requests the direct path answers although they are not plainly written; the tree path
    /// must agree with it.
    static let unusual: [(label: String, text: String)] = {
        let head = #"{"jsonrpc":"2.0","id":3,"method":"hazard.grade","params":{"checklist":"urban-gas-2023","answers":"#
        return [
            ("a repeated answer key keeps its first value", head + #"{"has_emergency_plan":false,"has_emergency_plan":true}}}"#),
            ("a null answer keeps its question unanswered, and a later repeat ignored", head + #"{"has_emergency_plan":null,"has_emergency_plan":true}}}"#),
            ("answers out of question order", head + #"{"other_serious_hazard_judged":true,"operates_stations":true,"has_emergency_plan":false}}}"#),
            ("a null record field", head + #"{"ex_area_devices":[{"device":"泵","zone":null,"epl":"gb"}]}}}"#),
            ("an empty list", head + #"{"ex_area_devices":[]}}}"#),
            ("members of the envelope repeated and reordered", #"{"params":{"checklist":"urban-gas-2023","detail":null},"method":"hazard.grade","id":9,"jsonrpc":"2.0","id":10,"extra":1}"#),
            ("numbers in exponent form", head + #"{"gas_relative_density":1.8e0}}}"#),
            // The envelope's rules (`RPCEnvelope`) read names as JSON does, on both paths.
            ("escaped envelope member names", #"{"jsonrpc":"2.0","\u0069d":1,"m\u0065thod":"hazard.grade","params":{"checklist":"urban-gas-2023"}}"#),
        ]
    }()

    @Test("unusual but valid requests are answered directly, the same bytes as the tree path", arguments: unusual.indices)
    func unusualRequests(index: Int) async throws {
        let (label, text) = Self.unusual[index]
        let result = try await Self.bothPaths(Array(text.utf8))
        #expect(result.answeredDirectly, "\(label)")
        #expect(result.direct == result.tree, "\(label): \(String(decoding: result.direct.dropFirst(4), as: UTF8.self).prefix(300))")
    }

    @Test("an integer answer must be written as a 64-bit integer: 1e2, 2.0 and 2^63 are not, on either path",
          arguments: ["1e2", "2.0", "9223372036854775808", "99999999999999999999", "-9223372036854775809"])
    func integerAnswersWrittenAsIntegers(number: String) async throws {
        let text = #"{"jsonrpc":"2.0","id":1,"method":"hazard.grade","params":{"checklist":"fire-gb35181-2017","answers":{"exit_count":\#(number)}}}"#
        let result = try await Self.bothPaths(Array(text.utf8))
        #expect(result.direct == result.tree)
        let response = try JSONReader.read(Array(result.tree.dropFirst(4)))
        #expect(response.errorCode == -32005)
        #expect(response["error"]?["data"]?["issues"]?.array?.first?["code"] == .string("notAnInteger"))
    }

    @Test("an integer answer written as one is taken directly", arguments: ["100", "0", "-0"])
    func integerAnswersTaken(number: String) async throws {
        let text = #"{"jsonrpc":"2.0","id":1,"method":"hazard.grade","params":{"checklist":"fire-gb35181-2017","answers":{"exit_count":\#(number)}}}"#
        let result = try await Self.bothPaths(Array(text.utf8))
        #expect(result.answeredDirectly)
        #expect(result.direct == result.tree)
    }
}
