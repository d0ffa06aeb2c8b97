public import CoreMetrics
public import Logging
public import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus
public import ServiceLifecycle
import Synchronization

/// `hazard serve --metrics`: the server's swift-metrics, held in a Prometheus registry and
/// served as Prometheus text on `GET /metrics` over plain HTTP/1.1.
///
/// Metrics carry no secrets but have no authentication either, so the endpoint binds loopback
/// unless told otherwise (`RPCMetricsConfiguration.allowsRemote`). It serves at most
/// `maxConnections` scrapers at once and closes one idle for `idleTimeout`. A scrape renders
/// the registry on the event loop: its size is bounded, because method labels are the
/// server's method names plus `(unknown)` and `(invalid)`.
public final class RPCMetricsEndpoint: Service {
    public let configuration: RPCMetricsConfiguration
    /// What `RPCServerMetrics`, `RPCChecklistCatalog` and anything else record into.
    public let factory: any MetricsFactory
    private let registry: PrometheusCollectorRegistry
    private let group: any EventLoopGroup
    private let logger: Logger
    private let onListening: @Sendable (Int) -> Void
    private let beforeScrape = Mutex<[@Sendable () -> Void]>([])
    private let connections = Atomic<Int>(0)

    /// - Parameter onListening: called once with the bound port (useful with port 0).
    public init(configuration: RPCMetricsConfiguration, group: (any EventLoopGroup)? = nil, logger: Logger,
                onListening: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.configuration = configuration
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[RPCRequestMetrics.durationLabel] = RPCRequestMetrics.durationBuckets
        self.registry = registry
        self.factory = factory
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
        self.logger = logger
        self.onListening = onListening
    }

    /// Runs `body` before each scrape, to copy counters kept elsewhere into gauges
    /// (`RPCServer.publishMetrics`).
    public func onScrape(_ body: @escaping @Sendable () -> Void) {
        beforeScrape.withLock { $0.append(body) }
    }

    /// The Prometheus text exposition of every metric now.
    public func exposition() -> [UInt8] {
        for body in beforeScrape.withLock({ $0 }) { body() }
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return bytes
    }

    public func run() async throws {
        try configuration.validate()
        let idle = RPCServerConfiguration.timeAmount(configuration.idleTimeout)
        let maxConnections = configuration.maxConnections
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                let count = self.connections.add(1, ordering: .relaxed).newValue
                child.closeFuture.whenComplete { _ in self.connections.subtract(1, ordering: .relaxed) }
                guard count <= maxConnections else { return child.close() }
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try child.pipeline.syncOperations.addHandlers([
                        IdleStateHandler(readTimeout: idle),
                        RPCMetricsHTTPHandler(exposition: { self.exposition() }),
                    ])
                }
            }
            .bind(host: configuration.host, port: configuration.port).get()
        // Judged again on what was bound, as the RPC server does: a name may resolve elsewhere.
        if !configuration.allowsRemote, !(channel.localAddress.map(RPCServerConfiguration.isLoopback) ?? false) {
            try? await channel.close()
            throw RPCConfigurationError(file: "hazard serve", message: "refusing to serve metrics on \(channel.localAddress?.description ?? configuration.host), which is not a loopback address")
        }
        let port = channel.localAddress?.port ?? configuration.port
        logger.info("metrics.listening", metadata: ["metrics.host": "\(configuration.host)", "metrics.port": "\(port)"])
        onListening(port)
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                try await channel.closeFuture.get()
            } onGracefulShutdown: {
                channel.close(promise: nil)
            }
        } onCancel: {
            channel.close(promise: nil)
        }
        logger.info("metrics.stopped")
    }
}
