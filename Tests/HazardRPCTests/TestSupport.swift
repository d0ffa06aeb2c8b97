import Foundation
import HazardCore
import HazardRPC
import HazardYAML
import Logging
import NIOCore
import Testing

/// Fixtures beside this file: the urban-gas checklist and a hazard.grade request with the
/// gas example's answers.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let checklists: [Checklist] = {
        ChecklistLoader(registry: PluginRegistry([])).loadAll([directory.appendingPathComponent("urban-gas-2023.yaml").path]).checklists
    }()

    /// `{"checklist": "urban-gas-2023", "inspection_date": …, "answers": {…}}`.
    static let gasGradeParams: JSONValue = {
        let data = (try? Data(contentsOf: directory.appendingPathComponent("gas-grade-request.json"))) ?? Data()
        return ((try? JSONReader.read([UInt8](data)))?["params"]) ?? .null
    }()

    static let logger = Logger(label: "hazard.rpc.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    static func engine() -> RPCEngineMethods { RPCEngineMethods(checklists: checklists, serverVersion: "test") }

    static func dispatcher(auth: RPCAuthConfiguration? = nil, extra: [RPCMethod] = []) -> RPCDispatcher {
        let methods = RPCServerMethods.make(engine: engine(), configuration: RPCServerConfiguration(), authenticated: auth != nil, extra: extra)
        return RPCDispatcher(methods: methods, auth: auth, logger: logger)
    }

    /// Tokens for the auth tests: "reader-token" (reader, all), "gas-inspector" (inspector, gas, region 3101),
    /// "chem-inspector" (inspector, hazardous-chemicals), "admin-token" (admin).
    static let auth = RPCAuthConfiguration(entries: [
        .init(principal: RPCPrincipal(name: "reader", role: .reader), sha256: RPCAuthConfiguration.hash(token: "reader-token")),
        .init(principal: RPCPrincipal(name: "gas", role: .inspector, sectors: ["gas"], regions: ["3101"]), sha256: RPCAuthConfiguration.hash(token: "gas-inspector")),
        .init(principal: RPCPrincipal(name: "chem", role: .inspector, sectors: ["hazardous-chemicals"], regions: ["3201"]), sha256: RPCAuthConfiguration.hash(token: "chem-inspector")),
        .init(principal: RPCPrincipal(name: "admin", role: .admin), sha256: RPCAuthConfiguration.hash(token: "admin-token")),
    ])
}

/// Runs a server on an ephemeral loopback port for the duration of `body`, then cancels it.
func withTestServer<Result: Sendable>(
    auth: RPCAuthConfiguration? = nil,
    configuration: RPCServerConfiguration = RPCServerConfiguration(host: "127.0.0.1", port: 0),
    extra: [RPCMethod] = [],
    _ body: @Sendable (_ port: Int) async throws -> Result
) async throws -> Result {
    let server = RPCServer(configuration: configuration, dispatcher: Fixtures.dispatcher(auth: auth, extra: extra), logger: Fixtures.logger)
    return try await withServer(server, body)
}

func withServer<Result: Sendable>(_ server: RPCServer, _ body: @Sendable (_ port: Int) async throws -> Result) async throws -> Result {
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let listening = RPCServer(configuration: server.configuration, dispatcher: server.dispatcher, logger: Fixtures.logger) { port in
        continuation.yield(port)
        continuation.finish()
    }
    return try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await listening.run(); return nil }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let result = try await body(port)
        group.cancelAll()
        return result
    }
}

/// Frames `text` as the wire carries it.
func frame(_ text: String) -> ByteBuffer { RPCFrame.make(Array(text.utf8)) }

func frame(_ bytes: [UInt8]) -> ByteBuffer { RPCFrame.make(bytes) }

extension JSONValue {
    /// The error code of a response, if it is an error.
    var errorCode: Int? { self["error"]?["code"]?.numberValue?.int }
}
