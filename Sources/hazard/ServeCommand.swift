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
            Each setting below is also a HAZARD_* variable and a key of the JSON file given by --config \
            (or HAZARD_CONFIG); a flag wins over the variable, the variable over the file, the file over \
            the default. --print-config shows the result and where each value came from. Exit 2: a \
            configuration mistake, or no checklists found.

            Without --auth the server runs unauthenticated and only on a loopback address. \
            Query it with `hazard call engine.info`, rpc/python/hazard_rpc.py or rpc/examples/.

            SIGTERM or SIGINT stops accepting, finishes the requests in flight (within --shutdown-timeout) \
            and closes the database. SIGHUP (or checklists.reload, admin only) loads the checklist folders \
            again: if every file loads, requests after it use the new set; otherwise the old set stays \
            and the located errors are logged at warning. --log-level debug logs every request.

            Fixed limits (rpc/PROTOCOL.md §5): batches of at most 1,000 entries (-32600), those over 32 \
            run off the event loop; 256 frames may wait behind a ledger call; 5 wrong tokens per \
            connection, 20 per address (an IPv6 /64 as one) and 200 server-wide per 60 s (-32001); \
            inspection.record stores at most 8 KiB per string, 64 KiB of text and 256 entries per list (-32014).
            """
    )

    // Each setting is an optional flag without a default: the default comes from
    // ServeSetting.all after the environment and the config file have had their say.
    @Option(help: ServeSetting.help("host")) var host: String?
    @Option(help: ServeSetting.help("port")) var port: Int?
    @Option(name: [.customLong("database"), .customLong("db")], help: ServeSetting.help("database")) var database: String?
    @Option(help: ServeSetting.help("auth")) var auth: String?
    @Option(help: ServeSetting.help("max_frame")) var maxFrame: Int?
    @Option(help: ServeSetting.help("max_connections")) var maxConnections: Int?
    @Option(help: ServeSetting.help("idle_timeout")) var idleTimeout: Double?
    @Option(help: ServeSetting.help("max_response")) var maxResponse: Int?
    @Option(help: ServeSetting.help("output_high_water")) var outputHighWater: Int?
    @Option(help: ServeSetting.help("auth_timeout")) var authTimeout: Double?
    @Option(help: ServeSetting.help("max_unauthenticated")) var maxUnauthenticated: Int?
    @Option(help: ServeSetting.help("max_unauthenticated_per_address")) var maxUnauthenticatedPerAddress: Int?
    @Option(help: ServeSetting.help("max_frame_unauthenticated")) var maxFrameUnauthenticated: Int?
    @Option(help: ServeSetting.help("shutdown_timeout")) var shutdownTimeout: Double?
    @Option(help: ServeSetting.help("log_level")) var logLevel: String?

    @Option(help: ArgumentHelp("Config file (JSON object of settings, e.g. examples/hazard-serve.json; default $HAZARD_CONFIG).", valueName: "file"))
    var config: String?

    @Flag(help: "Print the effective configuration, each value with where it came from, and exit.")
    var printConfig = false

    @Flag(help: "Print the SHA-256 of a token read from standard input (for the --auth file) and exit.")
    var hashToken = false

    @OptionGroup var options: ChecklistOptions

    @OptionGroup(title: "Operations") var operations: ServeOperationsOptions

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
        // Before anything slow: a SIGHUP from here on is a reload request, kept until the server runs.
        let reloadSignals = await RPCReloadSignalService.trap()
        let (settings, checklistLocation) = try await resolveSettings()
        if printConfig {
            printConfiguration(settings, checklists: checklistLocation)
            guard checklistLocation != nil else { throw ExitCode(2) }
            return
        }
        guard let checklistLocation else { throw ExitCode(2) }
        let checked = try validated(settings)
        let host = checked.configuration.host
        let database = checked.database

        ServeCommand.returnLargeBuffersToTheSystem()
        let level = checked.logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "hazard.rpc")

        var authConfiguration: RPCAuthConfiguration?
        if let auth = checked.auth {
            guard let data = FileManager.default.contents(atPath: auth) else {
                printError("\(auth): error: cannot read the token file")
                throw ExitCode(1)
            }
            do { authConfiguration = try RPCAuthConfiguration.parse([UInt8](data), file: auth) } catch {
                printError(error.description)
                throw ExitCode(1)
            }
        }
        let configuration = checked.configuration
        do {
            try configuration.validate(authenticated: authConfiguration != nil)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        if authConfiguration == nil { logger.notice("rpc.unauthenticated", metadata: ["rpc.host": "\(host)"]) }

        // The same function loads the set now and on every reload, from the folders found at start.
        let checklistPaths = checklistLocation.paths
        let loadedSet = ChecklistOptions.checklistSet(checklistPaths, quiet: false)
        let checklists = loadedSet.checklists
        let metricsEndpoint: RPCMetricsEndpoint?
        if operations.metricsAllowRemote, settings.string("metrics") == nil {
            printError("error: --metrics-allow-remote needs --metrics HOST:PORT (or HAZARD_METRICS, or \"metrics\" in the config file)")
            throw ExitCode(2)
        }
        do {
            metricsEndpoint = try operations.metricsConfiguration(settings.string("metrics")).map { metrics in
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
        do { ledger = try await Ledger.open(LedgerOptions.location(database), clock: SystemClock()) } catch {
            printError("\(database): error: \(error)")
            throw ExitCode(1)
        }
        let authenticated = authConfiguration
        // One count of wrong tokens for the whole server, whichever event loop a connection is on.
        let throttle = RPCAuthThrottle()
        let version = Hazard.configuration.version
        // Each event loop grades with its own compiled copy of the checklists (see EventLoopLocal),
        // replaced whole on reload (RPCChecklistCatalog).
        let catalog = RPCChecklistCatalog(initial: loadedSet, metrics: metricsEndpoint?.factory, logger: logger,
                                          load: { ChecklistOptions.checklistSet(checklistPaths, quiet: true) }) { set, reload in
            let engine = RPCEngineMethods(checklistSet: set, serverVersion: version)
            let methods = RPCServerMethods.make(engine: engine, configuration: configuration, authenticated: authenticated != nil,
                                                extra: RPCLedgerMethods(ledger: ledger, engine: engine).methods(), reload: reload)
            return RPCDispatcher(methods: methods, auth: authenticated, throttle: throttle, maxResponseLength: configuration.maxResponseLength,
                                 requestMetrics: serverMetrics.requests, logger: logger)
        }
        let server = RPCServer(configuration: configuration, catalog: catalog, metrics: serverMetrics, logger: logger) { port in
            // One line on stdout that scripts (and `make run`) can read.
            let line = "hazard serve: listening on \(host):\(port) with \(checklists.count) checklists; try: hazard call --port \(port) engine.info\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        metricsEndpoint?.onScrape { server.publishMetrics() }
        let reloadOnSignal = RPCReloadSignalService(catalog: catalog, signals: reloadSignals)
        let services: [any Service] = [server, reloadOnSignal] + (metricsEndpoint.map { [$0] } ?? [])
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch let error as RPCSocketError {
            printError("error: \(error.message)")
            throw ExitCode(1)
        }
        // Every connection has finished; the last reference to the ledger goes with this scope,
        // which closes the database (GRDB checkpoints the WAL on close).
        await ledger.close()
        logger.info("rpc.database_closed", metadata: ["rpc.database": "\(ledger.location)"])
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
