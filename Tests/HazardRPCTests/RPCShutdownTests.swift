import HazardRPC
import NIOCore
import ServiceLifecycle
import ServiceLifecycleTestKit
import Testing

@Suite("Graceful shutdown")
struct RPCShutdownTests {
    @Test("on shutdown the server stops accepting, answers what it has read, and returns")
    func gracefulShutdown() async throws {
        try await testGracefulShutdown { trigger in
            let (ports, continuation) = AsyncStream<Int>.makeStream()
            let server = RPCServer(configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0),
                                   dispatcher: Fixtures.dispatcher(), logger: Fixtures.logger) { port in
                continuation.yield(port)
                continuation.finish()
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                var iterator = ports.makeAsyncIterator()
                let port = try #require(await iterator.next())
                try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                    _ = try await client.call("engine.info")
                    // A burst in flight when the shutdown starts is still answered in full.
                    let burst = (0..<20).map { RPCResponse.request(id: .number($0), method: "hazard.grade", params: Fixtures.gasGradeParams) }
                    try await client.send(contentsOf: burst)
                    var answered = 0
                    for _ in 0..<20 where try await client.receive()["result"] != nil { answered += 1 }
                    #expect(answered == 20)
                    trigger.triggerGracefulShutdown()
                    // The connection ends after the shutdown instead of staying idle.
                    #expect(try await client.receiveFrame() == nil)
                }
                try await group.waitForAll()
            }
        }
    }
}
