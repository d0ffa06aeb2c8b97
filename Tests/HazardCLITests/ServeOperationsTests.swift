import Foundation
#if canImport(Glibc)
import Glibc
#endif
import HazardTestSupport
import Synchronization
import Testing

/// Text read from a pipe by a background thread.
final class PipeText: Sendable {
    private let text = Mutex("")

    /// Reads `pipe` to its end on a thread of its own.
    init(_ pipe: Pipe) {
        Thread.detachNewThread { [self] in
            while case let data = pipe.fileHandleForReading.availableData, !data.isEmpty {
                text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
    }

    var value: String { text.withLock { $0 } }
}

/// A `hazard serve` running as its own process, for what only a process shows: signals, its
/// stdout and stderr, its exit status.
final class ServeProcess: Sendable {
    let process: Process
    private let stdoutText: PipeText
    private let stderrText: PipeText

    init(_ arguments: [String], in directory: URL) throws {
        let path = try #require(CLI.binary, "hazard is not built beside the tests")
        process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        stdoutText = PipeText(out)
        stderrText = PipeText(err)
    }

    var stdout: String { stdoutText.value }
    var stderr: String { stderrText.value }

    /// The first capture of `pattern` in stdout, waiting up to `seconds` for it to appear.
    func await(_ pattern: String, seconds: Double = 30) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let text = stdout
            if let match = try NSRegularExpression(pattern: pattern).firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
               let range = Range(match.range(at: 1), in: text) {
                return String(text[range])
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HTTPGet.Failure(description: "no '\(pattern)' from hazard serve; stdout: \(stdout) stderr: \(stderr.suffix(2000))")
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// SIGTERM, then the exit status (killed after 20 s).
    func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        signal(SIGTERM)
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { signal(SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite("hazard serve for operators: SIGHUP reload, --metrics, request logs")
struct ServeOperationsTests {
    static let fixture = CLI.packageRoot.appendingPathComponent("Tests/HazardRPCTests/Fixtures/urban-gas-2023.yaml")

    /// Polls `hazard call` until its stdout contains `text` (up to 15 s).
    static func callUntil(_ port: String, _ arguments: [String], contains text: String) throws -> CLI.Result {
        var last = try CLI.run(["call", "--port", port] + arguments)
        let deadline = Date().addingTimeInterval(15)
        while !last.stdout.contains(text), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            last = try CLI.run(["call", "--port", port] + arguments)
        }
        return last
    }

    @Test("SIGHUP serves a checklist dropped into the folder, keeps the set on a broken file, and --metrics counts the requests")
    func sighupAndMetrics() throws {
        try CLI.withTemporaryDirectory { dir in
            let folder = dir.appendingPathComponent("checklists")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let gas = try String(contentsOf: Self.fixture, encoding: .utf8)
            try gas.write(to: folder.appendingPathComponent("gas.yaml"), atomically: true, encoding: .utf8)
            let serve = try ServeProcess(["--port", "0", "--checklists", folder.path, "--database", dir.appendingPathComponent("ledger.sqlite").path,
                                          "--metrics", "127.0.0.1:0", "--log-level", "debug"], in: dir)
            defer { _ = serve.stop() }
            let port = try serve.await(#"listening on 127\.0\.0\.1:([0-9]+)"#)
            let metricsPort = try #require(Int(try serve.await(#"metrics on http://127\.0\.0\.1:([0-9]+)/metrics"#)))

            let missing = try CLI.run(["call", "--port", port, "checklists.get", #"{"id":"urban-gas-copy"}"#])
            #expect(missing.status == 1 && missing.stderr.contains("error -32003"))

            // Dropped in, then SIGHUP: served without a restart, and the process lives on.
            try gas.replacingOccurrences(of: "id: urban-gas-2023\n", with: "id: urban-gas-copy\n")
                .write(to: folder.appendingPathComponent("copy.yaml"), atomically: true, encoding: .utf8)
            serve.signal(SIGHUP)
            let info = try Self.callUntil(port, ["engine.info"], contains: "urban-gas-copy")
            #expect(info.stdout.contains(#""generation":2"#), "\(info.stdout)")
            #expect(try CLI.run(["call", "--port", port, "checklists.get", #"{"id":"urban-gas-copy"}"#]).status == 0)

            // A broken file: the reload is refused, logged with its location, the set stays.
            try "format: 1\nid: [broken\n".write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
            serve.signal(SIGHUP)
            let deadline = Date().addingTimeInterval(15)
            while !serve.stderr.contains("checklists.reload_refused"), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            #expect(serve.stderr.contains("checklists.reload_error"))
            #expect(serve.stderr.contains("\(folder.path)/broken.yaml:"))
            let after = try CLI.run(["call", "--port", port, "engine.info"])
            #expect(after.status == 0 && after.stdout.contains(#""generation":2"#) && after.stdout.contains("urban-gas-copy"))

            let scraped = try HTTPGet.fetch(port: metricsPort, path: "/metrics")
            #expect(scraped.status == 200)
            #expect(scraped.body.contains(#"hazard_rpc_requests_total{method="engine.info",outcome="ok"}"#))
            #expect(scraped.body.contains(#"hazard_rpc_errors_total{method="checklists.get",code="-32003"} 1"#))
            #expect(scraped.body.contains(#"hazard_rpc_request_duration_seconds_count{method="checklists.get"} 2"#))
            #expect(scraped.body.contains(#"hazard_checklists_reloads_total{outcome="ok"} 1"#))
            #expect(scraped.body.contains(#"hazard_checklists_reloads_total{outcome="failed"} 1"#))
            #expect(scraped.body.contains("hazard_checklists_generation 2.0"))

            #expect(serve.stop() == 0)
            // --log-level debug: one record per request, with method, id, duration and outcome.
            #expect(serve.stderr.contains("rpc.request") && serve.stderr.contains("rpc.method=engine.info") && serve.stderr.contains("rpc.duration_us="))
        }
    }

    @Test("a SIGHUP while the checklists are still loading is a reload once the server listens, not the server's end")
    func sighupDuringStartup() throws {
        try CLI.withTemporaryDirectory { dir in
            let serve = try ServeProcess(["--port", "0", "--checklists", CLI.packageRoot.appendingPathComponent("checklists").path,
                                          "--database", dir.appendingPathComponent("ledger.sqlite").path], in: dir)
            defer { _ = serve.stop() }
            // Logged after SIGHUP is trapped and before the checklists load.
            let deadline = Date().addingTimeInterval(30)
            while !serve.stderr.contains("rpc.unauthenticated"), serve.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            serve.signal(SIGHUP)
            let port = try serve.await(#"listening on 127\.0\.0\.1:([0-9]+)"#)
            let info = try Self.callUntil(port, ["engine.info"], contains: #""generation":2"#)
            #expect(info.stdout.contains(#""generation":2"#), "the SIGHUP is a reload after start: \(info.stdout)")
            #expect(serve.process.isRunning)
            #expect(serve.stop() == 0)
        }
    }

    @Test("--metrics refuses a non-loopback address unless --metrics-allow-remote is given")
    func metricsLoopbackOnly() throws {
        let refused = try CLI.run(["serve", "--port", "0", "--metrics", "0.0.0.0:0"])
        #expect(refused.status != 0 && refused.stderr.contains("--metrics-allow-remote"))
        let lonely = try CLI.run(["serve", "--port", "0", "--metrics-allow-remote"])
        #expect(lonely.status != 0 && lonely.stderr.contains("needs --metrics"))
        let help = try CLI.run(["serve", "--help"])
        #expect(help.stdout.contains("--metrics <host:port>") && help.stdout.contains("SIGHUP"))
    }
}
