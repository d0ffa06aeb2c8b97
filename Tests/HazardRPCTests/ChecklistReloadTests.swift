import Foundation
import HazardJSON
import HazardCore
import HazardRPC
import HazardYAML
import InMemoryLogging
import Logging
import Synchronization
import Testing

/// A checklist folder on disk, loaded the way `hazard serve` loads one: every reload reads
/// the whole folder again.
struct ChecklistFolder: Sendable {
    let url: URL
    static let gas = "urban-gas-2023"
    static let copyID = "urban-gas-copy"

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hazard-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.directory.appendingPathComponent("urban-gas-2023.yaml"), to: file("urban-gas-2023.yaml"))
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The gas fixture under another id (and `version`), so it is a second, valid checklist.
    func writeCopy(version: String = "1.0.0") throws {
        let text = try String(contentsOf: file("urban-gas-2023.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: \(Self.gas)\n", with: "id: \(Self.copyID)\n")
            .replacingOccurrences(of: "version: \"1.0.0\"\n", with: "version: \"\(version)\"\n")
        try text.write(to: file("copy.yaml"), atomically: true, encoding: .utf8)
    }

    func remove(_ name: String) throws { try FileManager.default.removeItem(at: file(name)) }

    func load() -> RPCChecklistSet {
        let loader = ChecklistLoader(registry: PluginRegistry([]))
        let batch = loader.loadAll([url.path])
        return RPCChecklistSet(checklists: batch.checklists, diagnostics: batch.diagnostics, copy: { loader.reloaded(batch) })
    }

    func catalog(auth: RPCAuthConfiguration? = nil, logger: Logger = Fixtures.logger) -> RPCChecklistCatalog {
        let folder = self
        return RPCChecklistCatalog(initial: load(), logger: logger, load: { folder.load() }) { set, reload in
            let engine = RPCEngineMethods(checklistSet: set, serverVersion: "test")
            let methods = RPCServerMethods.make(engine: engine, configuration: RPCServerConfiguration(), authenticated: auth != nil, reload: reload)
            return RPCDispatcher(methods: methods, auth: auth, logger: logger)
        }
    }

    func delete() { try? FileManager.default.removeItem(at: url) }
}

/// Runs a server on `catalog` on an ephemeral loopback port for the duration of `body`.
func withCatalogServer<Result: Sendable>(_ catalog: RPCChecklistCatalog, metrics: RPCServerMetrics = RPCServerMetrics(), logger: Logger = Fixtures.logger,
                                         _ body: @Sendable (_ port: Int) async throws -> Result) async throws -> Result {
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let server = RPCServer(configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0), catalog: catalog, metrics: metrics, logger: logger) { port in
        continuation.yield(port)
        continuation.finish()
    }
    return try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await server.run(); return nil }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let result = try await body(port)
        group.cancelAll()
        return result
    }
}

/// What the load test's clients share.
final class LoadCounts: Sendable {
    let done = Atomic<Bool>(false)
    let answered = Atomic<Int>(0)
    let failures = Mutex<[String]>([])
}

@Suite("Reloading checklists while serving")
struct ChecklistReloadTests {
    static let gradeParams: JSONValue = Fixtures.gasGradeParams

    @Test("a checklist dropped into the folder is served after checklists.reload, on the same connection")
    func reloadServesAddedChecklist() async throws {
        let folder = try ChecklistFolder()
        defer { folder.delete() }
        let catalog = folder.catalog()
        try await withCatalogServer(catalog) { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                let before = await #expect(throws: RPCError.self) { try await client.call("checklists.get", .object(["id": .string(ChecklistFolder.copyID)])) }
                #expect(before?.code == RPCErrorCode.notFound.rawValue)

                try folder.writeCopy()
                let reload = try await client.call("checklists.reload")
                #expect(reload["generation"] == .number(2))
                #expect(reload["added"] == .array([.string(ChecklistFolder.copyID)]))
                #expect(reload["removed"] == .array([]) && reload["updated"] == .array([]))
                #expect(reload["checklists"]?.array?.compactMap { $0["id"]?.string } == [ChecklistFolder.gas, ChecklistFolder.copyID])

                let form = try await client.call("checklists.get", .object(["id": .string(ChecklistFolder.copyID)]))
                #expect(form["id"] == .string(ChecklistFolder.copyID))
                let info = try await client.call("engine.info")
                #expect(info["checklist_set"]?["generation"] == .number(2))
                let listed = info["checklist_set"]?["checklists"]?.array ?? []
                #expect(listed.compactMap { $0["id"]?.string } == [ChecklistFolder.gas, ChecklistFolder.copyID])
                #expect(listed.allSatisfy { ($0["sha256"]?.string?.count ?? 0) == 64 && $0["version"] == .string("1.0.0") })
                #expect(info["methods"]?.array?.contains(.string("checklists.reload")) == true)

                // A changed file is "updated"; a deleted one "removed".
                try folder.writeCopy(version: "1.1.0")
                let updated = try await client.call("checklists.reload")
                #expect(updated["updated"] == .array([.string(ChecklistFolder.copyID)]))
                try folder.remove("copy.yaml")
                let removed = try await client.call("checklists.reload")
                #expect(removed["removed"] == .array([.string(ChecklistFolder.copyID)]) && removed["generation"] == .number(4))
            }
        }
    }

    @Test("a broken file keeps the old set, and the reload answers -32015 with the file:line:col of each error, logged at warning")
    func brokenFileKeepsOldSet() async throws {
        let folder = try ChecklistFolder()
        defer { folder.delete() }
        let records = InMemoryLogHandler()
        let logger = Logger(label: "reload", factory: { _ in records })
        let catalog = folder.catalog(logger: logger)
        try await withCatalogServer(catalog) { port in
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                try folder.writeCopy()
                try "format: 1\nid: broken\nversion: [1\n".write(to: folder.file("broken.yaml"), atomically: true, encoding: .utf8)
                let error = try #require(await #expect(throws: RPCError.self) { try await client.call("checklists.reload") })
                #expect(error.code == -32015)
                let errors = error.data?["errors"]?.array?.compactMap(\.string) ?? []
                #expect(!errors.isEmpty && error.data?["count"] == .number(errors.count) && error.data?["generation"] == .number(1))
                let brokenPath = folder.file("broken.yaml").path
                #expect(errors.allSatisfy { $0.range(of: "^\(NSRegularExpression.escapedPattern(for: brokenPath)):[0-9]+:[0-9]+: error: ", options: .regularExpression) != nil },
                        "\(errors)")
                // The old set answers: the valid file added beside the broken one is not served either.
                #expect(catalog.generation == 1)
                let graded = try await client.call("hazard.grade", Self.gradeParams)
                #expect(graded["rating"]?["level"] == .string("red"))
                let missing = await #expect(throws: RPCError.self) { try await client.call("checklists.get", .object(["id": .string(ChecklistFolder.copyID)])) }
                #expect(missing?.code == RPCErrorCode.notFound.rawValue)

                let warnings = records.entries.filter { $0.level == .warning && $0.message.description == "checklists.reload_error" }
                #expect(warnings.map { $0.metadata["checklists.diagnostic"]?.description ?? "" } == errors)

                // Fixed, the next reload takes the whole folder.
                try folder.remove("broken.yaml")
                let reload = try await client.call("checklists.reload")
                #expect(reload["generation"] == .number(2) && reload["added"] == .array([.string(ChecklistFolder.copyID)]))
            }
        }
    }

    @Test("checklists.reload is admin only: a reader gets -32002 and nothing is reloaded")
    func reloadNeedsAdmin() async throws {
        let folder = try ChecklistFolder()
        defer { folder.delete() }
        let catalog = folder.catalog(auth: Fixtures.auth)
        try await withCatalogServer(catalog) { port in
            try folder.writeCopy()
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                _ = try await client.call("session.authenticate", .object(["token": .string("bureau-suzhou")]))
                let refused = await #expect(throws: RPCError.self) { try await client.call("checklists.reload") }
                #expect(refused?.code == RPCErrorCode.forbidden.rawValue && refused?.data?["needed"] == .string("admin"))
                #expect(catalog.generation == 1)
            }
            try await RPCClient.withConnection(host: "127.0.0.1", port: port) { client in
                let anonymous = await #expect(throws: RPCError.self) { try await client.call("checklists.reload") }
                #expect(anonymous?.code == RPCErrorCode.unauthenticated.rawValue)
                _ = try await client.call("session.authenticate", .object(["token": .string("admin-token")]))
                let reload = try await client.call("checklists.reload")
                #expect(reload["generation"] == .number(2))
            }
        }
    }

    @Test("100 reloads while four clients grade continuously: no request fails")
    func reloadUnderLoad() async throws {
        let folder = try ChecklistFolder()
        defer { folder.delete() }
        let catalog = folder.catalog()
        let reloads = 100
        try await withCatalogServer(catalog) { port in
            let counts = LoadCounts()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in 0..<4 {
                    group.addTask {
                        try await RPCClient.withConnection(host: "127.0.0.1", port: port) { connection in
                            while !counts.done.load(ordering: .relaxed) {
                                do {
                                    // Two clients pipeline 8 requests at a time, two wait for each answer.
                                    let depth = client % 2 == 0 ? 8 : 1
                                    var ids: [JSONValue] = []
                                    for _ in 0..<depth {
                                        let id = connection.makeID()
                                        ids.append(id)
                                        try await connection.send(RPCResponse.request(id: id, method: "hazard.grade", params: Self.gradeParams))
                                    }
                                    for id in ids {
                                        let response = try await connection.receive()
                                        if response["id"] != id || response["result"]?["rating"]?["level"] != .string("red") {
                                            counts.failures.withLock { $0.append(JSONWriter.string(response).prefix(200).description) }
                                        }
                                        counts.answered.add(1, ordering: .relaxed)
                                    }
                                } catch {
                                    counts.failures.withLock { $0.append("\(error)") }
                                    return
                                }
                            }
                        }
                    }
                }
                group.addTask {
                    defer { counts.done.store(true, ordering: .relaxed) }
                    try await RPCClient.withConnection(host: "127.0.0.1", port: port) { admin in
                        for round in 1...reloads {
                            // Alternate between adding, changing and removing the second checklist.
                            switch round % 3 {
                            case 0: try? folder.remove("copy.yaml")
                            case 1: try folder.writeCopy(version: "1.\(round).0")
                            default: try folder.writeCopy(version: "2.\(round).0")
                            }
                            let reload = try await admin.call("checklists.reload")
                            if reload["generation"] != .number(round + 1) { counts.failures.withLock { $0.append("reload \(round): \(JSONWriter.string(reload).prefix(200))") } }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(counts.failures.withLock { $0 } == [])
            #expect(catalog.generation == reloads + 1)
            #expect(counts.answered.load(ordering: .relaxed) > reloads)
        }
    }
}
