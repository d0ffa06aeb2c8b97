public import Logging
public import NIOCore
import NIOPosix
public import ServiceLifecycle
import Synchronization
import HazardJSON

/// The socket server: accepts connections (one child task each in a discarding task group,
/// to track them for shutdown); framing and answering live in channel handlers
/// (`RPCFrameDecoder`, `RPCIdleTimeoutHandler`, `RPCConnectionHandler`), the JSON-RPC work in
/// `RPCDispatcher`.
///
/// On graceful shutdown (SIGTERM/SIGINT through `ServiceGroup`) it stops accepting, lets
/// every connection finish the frames it has read, then returns so the caller can close the
/// database.
public final class RPCServer: Service {
    public let configuration: RPCServerConfiguration
    /// One dispatcher made at start, for what all share (auth settings, method names).
    public let dispatcher: RPCDispatcher
    private let dispatchers: Dispatchers
    let group: any EventLoopGroup
    let logger: Logger
    let onListening: @Sendable (Int) -> Void
    private let activeConnections = Atomic<Int>(0)
    /// Output held for clients, across connections (tests read it).
    public let metrics: RPCServerMetrics
    /// Unauthenticated connections, when the server has tokens.
    public let admission: RPCAdmission?

    /// - Parameter onListening: called once with the bound port (useful with port 0).
    public convenience init(configuration: RPCServerConfiguration, dispatcher: RPCDispatcher,
                            group: (any EventLoopGroup)? = nil, metrics: RPCServerMetrics = RPCServerMetrics(),
                            logger: Logger, onListening: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.init(configuration: configuration, dispatcherPerEventLoop: { dispatcher }, group: group, metrics: metrics,
                  logger: logger, onListening: onListening)
    }

    /// - Parameter makeDispatcher: called once per event loop that gets a connection; give each
    ///   its own compiled checklists (`ChecklistLoader.reloaded`) so threads share no storage.
    public init(configuration: RPCServerConfiguration, dispatcherPerEventLoop makeDispatcher: @escaping @Sendable () -> RPCDispatcher,
                group: (any EventLoopGroup)? = nil, metrics: RPCServerMetrics = RPCServerMetrics(),
                logger: Logger, onListening: @escaping @Sendable (Int) -> Void = { _ in }) {
        // The response budget is the server's, whatever the dispatcher was made with.
        let limited: @Sendable () -> RPCDispatcher = {
            var dispatcher = makeDispatcher()
            dispatcher.maxResponseLength = configuration.maxResponseLength
            if let requests = metrics.requests { dispatcher.record(to: requests) }
            return dispatcher
        }
        self.configuration = configuration
        self.dispatcher = limited()
        self.dispatchers = .perLoop(EventLoopLocal(limited))
        self.metrics = metrics
        self.admission = dispatcher.auth == nil ? nil
            : RPCAdmission(maxTotal: configuration.maxUnauthenticatedConnections, maxPerAddress: configuration.maxUnauthenticatedPerAddress)
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
        self.logger = logger
        self.onListening = onListening
    }

    /// A server whose checklists can be reloaded: each event loop's dispatcher comes from
    /// `catalog` (made with this configuration's response limit and `metrics.requests` by the
    /// catalog's `makeDispatcher`), and connections pick a reloaded set up between requests.
    public init(configuration: RPCServerConfiguration, catalog: RPCChecklistCatalog, metrics: RPCServerMetrics = RPCServerMetrics(),
                logger: Logger, onListening: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.configuration = configuration
        self.dispatcher = catalog.shared
        self.dispatchers = .catalog(catalog)
        self.metrics = metrics
        self.admission = catalog.shared.auth == nil ? nil
            : RPCAdmission(maxTotal: configuration.maxUnauthenticatedConnections, maxPerAddress: configuration.maxUnauthenticatedPerAddress)
        self.group = catalog.group
        self.logger = logger
        self.onListening = onListening
    }

    /// Where each connection's dispatcher comes from.
    private enum Dispatchers: Sendable {
        /// Fixed for the server's life: one per event loop.
        case perLoop(EventLoopLocal<RPCDispatcher>)
        /// Replaced on reload.
        case catalog(RPCChecklistCatalog)

        func handler(on loop: any EventLoop, limits: RPCConnectionHandler.Limits) -> RPCConnectionHandler {
            switch self {
            case .perLoop(let local): return RPCConnectionHandler(dispatcher: local.value(for: loop), limits: limits)
            case .catalog(let catalog): return RPCConnectionHandler(catalog: catalog, loop: loop, limits: limits)
            }
        }
    }

    /// Sets the connection gauges from the counters (called before each metrics scrape).
    public func publishMetrics() { metrics.publish(connections: connectionCount) }

    /// Connections currently open.
    public var connectionCount: Int { activeConnections.load(ordering: .relaxed) }

    public func run() async throws {
        let maxFrame = configuration.maxFrameLength
        let maxConnections = configuration.maxConnections
        let idle = RPCServerConfiguration.timeAmount(configuration.idleTimeout)
        let dispatchers = dispatchers
        let logger = logger
        let configuration = configuration
        let metrics = metrics
        let admission = admission
        // A bind failure ("port in use") is thrown in words, see RPCSocketError.
        let listener = try await RPCSocketError.whileListening(on: configuration.host, configuration.port) { try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            // A client that half-closes after sending still gets its answers (then the close).
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .bind(host: configuration.host, port: configuration.port) { child in
                // Counted here, before any frame is read, so a connection over the limit is
                // refused before it can be served.
                let count = self.activeConnections.add(1, ordering: .relaxed).newValue
                child.closeFuture.whenComplete { _ in self.activeConnections.subtract(1, ordering: .relaxed) }
                let address = child.remoteAddress?.ipAddress ?? "unknown"
                // With tokens, a connection starts unauthenticated and takes one of the slots
                // reserved for that (and its address's share), or is refused.
                let refusal = count > maxConnections ? nil : admission?.admit(address)
                return child.eventLoop.makeCompletedFuture {
                    if count > maxConnections {
                        logger.debug("rpc.overloaded", metadata: ["rpc.max_connections": "\(maxConnections)"])
                        try child.pipeline.syncOperations.addHandler(RPCRejectHandler(error: RPCError(
                            .overloaded, "too many connections", data: .object(["max_connections": .number(maxConnections)]))))
                    } else if let refusal, let admission {
                        logger.debug("rpc.overloaded", metadata: ["connection.peer": "\(address)", "rpc.refusal": "\(refusal)"])
                        try child.pipeline.syncOperations.addHandler(RPCRejectHandler(error: Self.refusalError(refusal, admission)))
                    } else {
                        var limits = RPCConnectionHandler.Limits()
                        limits.outputHighWater = configuration.outputHighWater
                        limits.outputLowWater = configuration.outputLowWater
                        limits.shutdownTimeout = RPCServerConfiguration.timeAmount(configuration.shutdownTimeout)
                        limits.metrics = metrics
                        limits.authenticatedMaxFrame = maxFrame
                        let frameLimit = RPCFrameLimit(admission == nil ? maxFrame : min(maxFrame, configuration.unauthenticatedMaxFrameLength))
                        limits.frameLimit = frameLimit
                        if let admission {
                            limits.admission = (admission, address)
                            limits.authTimeout = RPCServerConfiguration.timeAmount(configuration.authTimeout)
                        }
                        try child.pipeline.syncOperations.addHandlers([
                            ByteToMessageHandler(RPCFrameDecoder(limit: frameLimit)),
                            RPCIdleTimeoutHandler(timeout: idle),
                            dispatchers.handler(on: child.eventLoop, limits: limits),
                        ])
                    }
                    return child
                }
            } }
        // The name was judged before binding; judge again what was bound, in case it resolved
        // differently then (an unauthenticated server must never be reachable from elsewhere).
        if dispatcher.auth == nil, !(listener.channel.localAddress.map(RPCServerConfiguration.isLoopback) ?? false) {
            try? await listener.channel.close()
            throw RPCConfigurationError(file: "hazard serve", message: "refusing to serve without authentication on \(listener.channel.localAddress?.description ?? configuration.host), which is not a loopback address")
        }
        let port = listener.channel.localAddress?.port ?? configuration.port
        logger.info("rpc.listening", metadata: ["rpc.host": "\(configuration.host)", "rpc.port": "\(port)",
                                                "rpc.auth": "\(dispatcher.auth == nil ? "disabled" : "tokens")"])
        onListening(port)
        let serverChannel = listener.channel
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await listener.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { await Self.serve(connection) }
                    }
                }
            }
        } onGracefulShutdown: {
            self.logger.info("rpc.shutdown", metadata: ["rpc.connections": "\(self.connectionCount)"])
            serverChannel.close(promise: nil)
        }
        logger.info("rpc.stopped")
    }

    private static func refusalError(_ refusal: RPCAdmission.Refusal, _ admission: RPCAdmission) -> RPCError {
        switch refusal {
        case .total:
            return RPCError(.overloaded, "too many unauthenticated connections",
                            data: .object(["max_unauthenticated": .number(admission.maxTotal)]))
        case .address:
            return RPCError(.overloaded, "too many unauthenticated connections from this address",
                            data: .object(["max_unauthenticated_per_address": .number(admission.maxPerAddress)]))
        }
    }

    /// Waits for one connection to end — client close, framing error, idle timeout, too many
    /// wrong tokens — or, on graceful shutdown, tells it to answer what it has read and close.
    /// Cancelling the server (not a graceful shutdown) closes it at once.
    private static func serve(_ connection: any Channel) async {
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                try? await connection.closeFuture.get()
            } onGracefulShutdown: {
                connection.pipeline.fireUserInboundEventTriggered(RPCShutdownEvent())
            }
        } onCancel: {
            connection.close(promise: nil)
        }
    }
}

extension RPCFrameError: RPCErrorConvertible {
    public var rpcError: RPCError {
        switch self {
        case let .invalidLength(length, maximum):
            return RPCError(.frameError, description, data: .object(["length": .number(length), "max": .number(maximum)]))
        case .truncatedFrame:
            return RPCError(.frameError, description)
        }
    }
}
