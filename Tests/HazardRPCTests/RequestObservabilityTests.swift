import Foundation
import HazardJSON
import HazardCore
import HazardRPC
import HazardTestSupport
import InMemoryLogging
import Logging
import NIOCore
import Testing

/// Every request logged and measured: swift-log records, swift-metrics through Prometheus.
@Suite("Request logging and metrics")
struct RequestObservabilityTests {
    static func request(_ id: String, _ method: String, _ params: JSONValue = .object([])) -> ByteBuffer {
        // The payload as the frame decoder hands it on, without the length header.
        ByteBuffer(string: JSONWriter.string(RPCResponse.request(id: try? JSONReader.read(Array(id.utf8)), method: method, params: params)))
    }

    @Test("each request is logged once: at debug with method, id, duration and outcome, at warning when it is an error")
    func requestRecords() async throws {
        let records = InMemoryLogHandler()
        var handler = records
        handler.logLevel = .debug
        let logger = Logger(label: "hazard.rpc", factory: { _ in handler })
        let dispatcher = RPCDispatcher(methods: RPCServerMethods.make(engine: Fixtures.engine(), configuration: RPCServerConfiguration(), authenticated: false),
                                       auth: nil, logger: logger)
        var session = dispatcher.makeSession()
        // hazard.grade is answered from the token tape (the direct path); engine.info through the tree.
        _ = await dispatcher.respond(to: Self.request("7", "hazard.grade", Fixtures.gasGradeParams), session: &session)
        _ = await dispatcher.respond(to: Self.request("\"info\"", "engine.info"), session: &session)
        _ = await dispatcher.respond(to: Self.request("9", "checklists.get", .object(["id": .string("nope")])), session: &session)
        _ = await dispatcher.respond(to: Self.request("10", "no.such\nmethod"), session: &session)

        let requests = records.entries.filter { $0.message.description == "rpc.request" }
        func field(_ entry: InMemoryLogHandler.Entry, _ key: String) -> String { entry.metadata[key]?.description ?? "-" }
        // Level, method, id, outcome and code of each record; the duration is a whole number of µs.
        let seen = requests.map { [$0.level.rawValue, field($0, "rpc.method"), field($0, "rpc.id"), field($0, "rpc.outcome"), field($0, "rpc.code")] }
        #expect(seen == [
            ["debug", "hazard.grade", "7", "ok", "-"],
            ["debug", "engine.info", "\"info\"", "ok", "-"],
            ["warning", "checklists.get", "9", "error", "-32003"],
            // A name the server does not offer is logged quoted, so it cannot break the log line.
            ["warning", "\"no.such\\nmethod\"", "10", "error", "-32601"],
        ])
        #expect(requests.allSatisfy { Int(field($0, "rpc.duration_us")) != nil })
    }

    @Test("the metrics endpoint serves request counters and latency histograms per method in Prometheus text")
    func scrape() async throws {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let endpoint = RPCMetricsEndpoint(configuration: RPCMetricsConfiguration(port: 0), logger: Fixtures.logger) { port in
            continuation.yield(port)
            continuation.finish()
        }
        let (serverPorts, serverContinuation) = AsyncStream<Int>.makeStream()
        let server = RPCServer(configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0), dispatcher: Fixtures.dispatcher(),
                               metrics: RPCServerMetrics(factory: endpoint.factory), logger: Fixtures.logger) { port in
            serverContinuation.yield(port)
            serverContinuation.finish()
        }
        endpoint.onScrape { server.publishMetrics() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await endpoint.run() }
            group.addTask { try await server.run() }
            var iterator = ports.makeAsyncIterator()
            let metricsPort = try #require(await iterator.next())
            var serverIterator = serverPorts.makeAsyncIterator()
            let port = try #require(await serverIterator.next())
            do {
                try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                    for _ in 0..<3 { _ = try await client.call("hazard.grade", Fixtures.gasGradeParams) }
                    _ = try await client.call("engine.info")
                    _ = try? await client.call("checklists.get", .object(["id": .string("nope")]))
                    _ = try? await client.call("made.up")
                    let scraped = try HTTPGet.fetch(port: metricsPort, path: "/metrics")
                    #expect(scraped.status == 200)
                    #expect(scraped.headers.contains("text/plain; version=0.0.4"))
                    let lines = Set(scraped.body.split(separator: "\n").map(String.init))
                    #expect(lines.contains(#"hazard_rpc_requests_total{method="hazard.grade",outcome="ok"} 3"#))
                    #expect(lines.contains(#"hazard_rpc_requests_total{method="engine.info",outcome="ok"} 1"#))
                    #expect(lines.contains(#"hazard_rpc_requests_total{method="checklists.get",outcome="error"} 1"#))
                    #expect(lines.contains(#"hazard_rpc_errors_total{method="checklists.get",code="-32003"} 1"#))
                    #expect(lines.contains(#"hazard_rpc_errors_total{method="(unknown)",code="-32601"} 1"#))
                    #expect(lines.contains(#"hazard_rpc_request_duration_seconds_count{method="hazard.grade"} 3"#))
                    #expect(lines.contains(#"hazard_rpc_request_duration_seconds_bucket{method="hazard.grade",le="+Inf"} 3"#))
                    #expect(lines.contains { $0.hasPrefix(#"hazard_rpc_request_duration_seconds_bucket{method="hazard.grade",le="0.00001"}"#) })
                    #expect(lines.contains("hazard_rpc_connections 1.0"))

                    #expect(try HTTPGet.fetch(port: metricsPort, path: "/other").status == 404)
                    #expect(try HTTPGet.fetch(port: metricsPort, path: "/metrics", method: "POST").status == 405)
                }
            }
            group.cancelAll()
        }
    }

    @Test("--metrics takes PORT, HOST:PORT or [IPv6]:PORT and refuses a non-loopback host unless allowed")
    func metricsAddress() throws {
        #expect(try RPCMetricsConfiguration.parse("9464") == RPCMetricsConfiguration(host: "127.0.0.1", port: 9464))
        #expect(try RPCMetricsConfiguration.parse("localhost:0").host == "localhost")
        #expect(try RPCMetricsConfiguration.parse("[::1]:9464").host == "::1")
        for bad in ["", "host:", "1.2.3.4:70000", "::1:9464", "[::1]9464", "x:y"] {
            #expect(throws: RPCConfigurationError.self, "\(bad)") { try RPCMetricsConfiguration.parse(bad) }
        }
        try RPCMetricsConfiguration.parse("127.0.0.1:9464").validate()
        #expect(throws: RPCConfigurationError.self) { try RPCMetricsConfiguration.parse("0.0.0.0:9464").validate() }
        try RPCMetricsConfiguration.parse("0.0.0.0:9464", allowsRemote: true).validate()
    }
}
