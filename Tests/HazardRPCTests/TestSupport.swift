import HazardCoreJSON
import HazardJSON
import Foundation
import HazardCore
import HazardLedger
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

    /// Tokens for the auth tests: "reader-token" (reader, all), "gas-inspector" (inspector, gas, Shanghai 310100),
    /// "chem-inspector" (inspector, hazardous-chemicals, Nanjing 320100), "bureau-suzhou" (department, gas,
    /// Suzhou 320500), "admin-token" (admin).
    static let auth = RPCAuthConfiguration(entries: [
        .init(principal: RPCPrincipal(name: "reader", role: .reader), sha256: RPCAuthConfiguration.hash(token: "reader-token")),
        .init(principal: RPCPrincipal(name: "gas", role: .inspector, sectors: ["gas"], regions: ["310100"]), sha256: RPCAuthConfiguration.hash(token: "gas-inspector")),
        .init(principal: RPCPrincipal(name: "chem", role: .inspector, sectors: ["hazardous-chemicals"], regions: ["320100"]), sha256: RPCAuthConfiguration.hash(token: "chem-inspector")),
        .init(principal: RPCPrincipal(name: "bureau-sz", role: .department, sectors: ["gas"], regions: ["320500"]), sha256: RPCAuthConfiguration.hash(token: "bureau-suzhou")),
        .init(principal: RPCPrincipal(name: "admin", role: .admin), sha256: RPCAuthConfiguration.hash(token: "admin-token")),
    ])
}

/// A fresh in-memory ledger whose clock says 2026-03-20.
func makeLedgerMethods() throws -> [RPCMethod] {
    let ledger = try Ledger.inMemory(clock: FixedClock(Timestamp(day: Day(year: 2026, month: 3, day: 20) ?? Day(daysSinceEpoch: 0))))
    return RPCLedgerMethods(ledger: ledger, engine: Fixtures.engine()).methods()
}

/// Runs a server (engine and an in-memory ledger) on an ephemeral loopback port for the
/// duration of `body`, then cancels it.
func withTestServer<Result: Sendable>(
    auth: RPCAuthConfiguration? = nil,
    configuration: RPCServerConfiguration = RPCServerConfiguration(host: "127.0.0.1", port: 0),
    metrics: RPCServerMetrics = RPCServerMetrics(),
    _ body: @Sendable (_ port: Int) async throws -> Result
) async throws -> Result {
    let server = RPCServer(configuration: configuration, dispatcher: Fixtures.dispatcher(auth: auth, extra: try makeLedgerMethods()),
                           metrics: metrics, logger: Fixtures.logger)
    return try await withServer(server, body)
}

func withServer<Result: Sendable>(_ server: RPCServer, _ body: @Sendable (_ port: Int) async throws -> Result) async throws -> Result {
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let listening = RPCServer(configuration: server.configuration, dispatcher: server.dispatcher, metrics: server.metrics, logger: Fixtures.logger) { port in
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
