import Foundation
import Testing

/// Socket failures are said in words a person can act on, not as NIO error dumps.
@Suite("what hazard call and hazard serve say when the network fails")
struct NetworkErrorTests {
    @Test("calling a port nothing listens on says the connection was refused and asks whether the server runs")
    func connectionRefused() throws {
        let port = try TCPPort.closed()
        let result = try CLI.run(["call", "--port", String(port), "engine.info"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: cannot connect to 127.0.0.1:\(port) (connection refused): is `hazard serve` running?\n", "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("serving on a port that is taken says the port is already in use, and exits 1")
    func portInUse() throws {
        let taken = try TCPPort()
        defer { taken.close() }
        try CLI.withTemporaryDirectory { dir in
            let result = try CLI.run(["serve", "--port", String(taken.port), "--database", dir.appendingPathComponent("h.sqlite").path,
                                      "--checklists", CLI.packageRoot.appendingPathComponent("checklists/gas").path, "--log-level", "critical"], in: dir)
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: port \(taken.port) is already in use (on 127.0.0.1)"), "\(result.stderr)")
            #expect(!result.stderr.contains("NIO"), "no NIO type names: \(result.stderr)")
            #expect(!result.stdout.contains("listening on"))
        }
    }
}
