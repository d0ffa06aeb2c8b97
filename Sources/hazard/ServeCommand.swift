import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HazardCore
import HazardLedger
import HazardPlugins
import HazardRPC
import HazardYAML
import Logging
import ServiceLifecycle
import UnixSignals

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve grading and the hazard ledger over length-prefixed JSON-RPC (rpc/PROTOCOL.md).",
        discussion: """
            Without --auth the server runs unauthenticated and only on a loopback address.
            Query it with `hazard call engine.info`, rpc/python/hazard_rpc.py or rpc/examples/.
            SIGTERM or SIGINT stops accepting, finishes the requests in flight (within --shutdown-timeout)
            and closes the database. SIGHUP (or checklists.reload, admin only) loads the checklist folders             again: if every file loads, requests after it use the new set; otherwise the old set stays             and the located errors are logged at warning. --log-level debug logs every request.
            Fixed limits (rpc/PROTOCOL.md §5): batches of at most 1,000 entries (-32600), those over 32 \
            run off the event loop; 256 frames may wait behind a ledger call; 5 wrong tokens per \
            connection, 20 per address and 200 server-wide per 60 s (-32001); inspection.record stores \
            at most 8 KiB per string, 64 KiB of text and 256 entries per list (-32014).
            """
    )

    @Option(help: "Address to listen on (non-loopback needs --auth).")
    var host = "127.0.0.1"

    @Option(help: "TCP port (0 picks a free one).")
    var port = RPCServerConfiguration.defaultPort

    @Option(name: [.customLong("database"), .customLong("db")], help: "Ledger file (SQLite), created if missing.")
    var database = "./hazard.sqlite"

    @Option(help: "Token file (JSON, tokens stored as SHA-256); see rpc/PROTOCOL.md §4.")
    var auth: String?

    @Option(help: "Largest request frame in bytes.")
    var maxFrame = RPCFrameDecoder.defaultMaxFrameLength

    @Option(help: "Most connections at once.")
    var maxConnections = 512

    @Option(help: "Seconds a connection may go without completing a frame (not counting time its requests run).")
    var idleTimeout = 60.0

    @Option(help: "Largest response frame in bytes (one response, or a batch's together; 1024…1 GiB); a larger answer is -32013.")
    var maxResponse = RPCServerConfiguration.defaultMaxResponseLength

    @Option(help: "Bytes of responses a client may leave untaken before its connection stops reading (resumes below a quarter).")
    var outputHighWater = 1 << 20

    @Option(help: "With --auth: seconds a connection may stay unauthenticated before it is closed (-32001).")
    var authTimeout = 10.0

    @Option(help: "With --auth: most unauthenticated connections at once (the other slots stay free for authenticated clients; -32011).")
    var maxUnauthenticated = 256

    @Option(help: "With --auth: most unauthenticated connections from one address (-32011).")
    var maxUnauthenticatedPerAddress = 16

    @Option(help: "With --auth: largest frame in bytes before authenticating (-32010).")
    var maxFrameUnauthenticated = 64 << 10

    @Option(help: "Seconds a connection gets on SIGTERM/SIGINT to answer what it has read before it is closed.")
    var shutdownTimeout = 10.0

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @Flag(help: "Print the SHA-256 of a token read from standard input (for the --auth file) and exit.")
    var hashToken = false

    @OptionGroup var options: ChecklistOptions

    @OptionGroup(title: "Operations") var operations: ServeOperationsOptions

    func validate() throws {
        // Checked here too so a bad value is a usage error before anything starts (and never
        // a crash converting NaN, or a port NIO would wrap).
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        do { _ = try RPCServerConfiguration.idleTimeout(seconds: idleTimeout) } catch { throw ValidationError("--idle-timeout: \(error.message)") }
        do { _ = try RPCServerConfiguration.timeout("auth timeout", seconds: authTimeout) } catch { throw ValidationError("--auth-timeout: \(error.message)") }
        do { _ = try RPCServerConfiguration.timeout("shutdown timeout", seconds: shutdownTimeout) } catch { throw ValidationError("--shutdown-timeout: \(error.message)") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        if hashToken {
            do {
                print(RPCAuthConfiguration.hash(token: try RPCAuthConfiguration.token(fromLine: readLine(strippingNewline: true) ?? "")))
            } catch {
                printError(error.description)
                throw ExitCode(1)
            }
            return
        }
        ServeCommand.returnLargeBuffersToTheSystem()
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "hazard.rpc")

        var authConfiguration: RPCAuthConfiguration?
        if let auth {
            guard let data = FileManager.default.contents(atPath: auth) else {
                printError("\(auth): error: cannot read the token file")
                throw ExitCode(1)
            }
            do { authConfiguration = try RPCAuthConfiguration.parse([UInt8](data), file: auth) } catch {
                printError(error.description)
                throw ExitCode(1)
            }
        }
        let configuration: RPCServerConfiguration
        do {
            configuration = RPCServerConfiguration(
                host: host, port: port, maxFrameLength: maxFrame, maxConnections: maxConnections,
                idleTimeout: try RPCServerConfiguration.idleTimeout(seconds: idleTimeout),
                maxResponseLength: maxResponse, outputHighWater: outputHighWater, outputLowWater: max(1, outputHighWater / 4),
                authTimeout: try RPCServerConfiguration.timeout("auth timeout", seconds: authTimeout),
                maxUnauthenticatedConnections: maxUnauthenticated, maxUnauthenticatedPerAddress: maxUnauthenticatedPerAddress,
                unauthenticatedMaxFrameLength: min(maxFrameUnauthenticated, maxFrame),
                shutdownTimeout: try RPCServerConfiguration.timeout("shutdown timeout", seconds: shutdownTimeout))
            try configuration.validate(authenticated: authConfiguration != nil)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        if authConfiguration == nil { logger.notice("rpc.unauthenticated", metadata: ["rpc.host": "\(host)"]) }

        // The same function loads the set now and on every reload.
        let loadedSet = options.checklistSet(quiet: false)
        let checklists = loadedSet.checklists
        let metricsEndpoint: RPCMetricsEndpoint?
        do {
            metricsEndpoint = try operations.metricsConfiguration().map { metrics in
                RPCMetricsEndpoint(configuration: metrics, logger: logger) { port in
                    FileHandle.standardOutput.write(Data("hazard serve: metrics on http://\(metrics.host):\(port)/metrics\n".utf8))
                }
            }
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        let serverMetrics = RPCServerMetrics(factory: metricsEndpoint?.factory)
        let ledger: Ledger
        do { ledger = try Ledger.open(path: database, clock: SystemClock()) } catch {
            printError("\(database): error: \(error)")
            throw ExitCode(1)
        }
        let authenticated = authConfiguration
        // One count of wrong tokens for the whole server, whichever event loop a connection is on.
        let throttle = RPCAuthThrottle()
        let version = Hazard.configuration.version
        // Each event loop grades with its own compiled copy of the checklists (see EventLoopLocal),
        // replaced whole on reload (RPCChecklistCatalog).
        let checklistOptions = options
        let catalog = RPCChecklistCatalog(initial: loadedSet, metrics: metricsEndpoint?.factory, logger: logger,
                                          load: { checklistOptions.checklistSet(quiet: true) }) { set, reload in
            let engine = RPCEngineMethods(checklistSet: set, serverVersion: version)
            let methods = RPCServerMethods.make(engine: engine, configuration: configuration, authenticated: authenticated != nil,
                                                extra: RPCLedgerMethods(ledger: ledger, engine: engine).methods(), reload: reload)
            return RPCDispatcher(methods: methods, auth: authenticated, throttle: throttle, maxResponseLength: configuration.maxResponseLength,
                                 requestMetrics: serverMetrics.requests, logger: logger)
        }
        let host = self.host
        let server = RPCServer(configuration: configuration, catalog: catalog, metrics: serverMetrics, logger: logger) { port in
            // One line on stdout that scripts (and `make run`) can read.
            let line = "hazard serve: listening on \(host):\(port) with \(checklists.count) checklists; try: hazard call --port \(port) engine.info\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        metricsEndpoint?.onScrape { server.publishMetrics() }
        // SIGHUP is trapped from here on, before the server listens.
        let reloadOnSignal = await RPCReloadSignalService(catalog: catalog)
        let services: [any Service] = [server, reloadOnSignal] + (metricsEndpoint.map { [$0] } ?? [])
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        // Every connection has finished; the last reference to the ledger goes with this scope,
        // which closes the database (GRDB checkpoints the WAL on close).
        logger.info("rpc.database_closed", metadata: ["rpc.database": "\(database)"])
    }
}

extension ServeCommand {
    /// Buffers of 1 MiB and more (a batch answer can reach --max-response) are mapped on their
    /// own and unmapped when freed. glibc's default threshold rises after each such free, so
    /// later large buffers came from the heap and were kept: a 10-minute soak with a client
    /// sending oversized batches ended at +70 % RSS, and at +5.7 % with this threshold.
    static func returnLargeBuffersToTheSystem() {
        #if canImport(Glibc)
        // <malloc.h> is not in Swift's Glibc module; mallopt is looked up by name instead.
        // M_MMAP_THRESHOLD is -3 in glibc's <malloc.h>.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-3, 1 << 20)
        #endif
    }
}
