public import Logging
public import NIOCore
import NIOPosix
public import ServiceLifecycle
import Synchronization

/// The socket server: accepts connections and runs each as a child task over
/// `NIOAsyncChannel` in a discarding task group; framing lives in channel handlers, the
/// JSON-RPC work in `RPCDispatcher`.
///
/// On graceful shutdown (SIGTERM/SIGINT through `ServiceGroup`) it stops accepting, lets
/// every connection finish the frames it has read, then returns so the caller can close the
/// database.
public final class RPCServer: Service {
    public let configuration: RPCServerConfiguration
    public let dispatcher: RPCDispatcher
    let group: any EventLoopGroup
    let logger: Logger
    let onListening: @Sendable (Int) -> Void
    private let activeConnections = Atomic<Int>(0)

    /// - Parameter onListening: called once with the bound port (useful with port 0).
    public init(configuration: RPCServerConfiguration, dispatcher: RPCDispatcher,
                group: (any EventLoopGroup)? = nil,
                logger: Logger, onListening: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.configuration = configuration
        self.dispatcher = dispatcher
        self.group = group ?? MultiThreadedEventLoopGroup.singleton
        self.logger = logger
        self.onListening = onListening
    }

    /// Connections currently open.
    public var connectionCount: Int { activeConnections.load(ordering: .relaxed) }

    public func run() async throws {
        let maxFrame = configuration.maxFrameLength
        let idle = TimeAmount.nanoseconds(Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000
                                          + configuration.idleTimeout.components.attoseconds / 1_000_000_000)
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .bind(host: configuration.host, port: configuration.port) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(RPCFrameDecoder(maxFrameLength: maxFrame)),
                        RPCFrameBatcher(),
                        RPCIdleTimeoutHandler(timeout: idle),
                    ])
                    return try NIOAsyncChannel<[ByteBuffer], ByteBuffer>(wrappingChannelSynchronously: child)
                }
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
                        let count = activeConnections.add(1, ordering: .relaxed).newValue
                        group.addTask {
                            defer { self.activeConnections.subtract(1, ordering: .relaxed) }
                            if count > self.configuration.maxConnections {
                                await self.reject(connection)
                            } else {
                                await self.serve(connection)
                            }
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            self.logger.info("rpc.shutdown", metadata: ["rpc.connections": "\(self.connectionCount)"])
            serverChannel.close(promise: nil)
        }
        logger.info("rpc.stopped")
    }

    /// Runs one connection until the client closes, a framing error, the idle timeout, too
    /// many wrong tokens, or graceful shutdown (after answering the frames already read).
    func serve(_ connection: NIOAsyncChannel<[ByteBuffer], ByteBuffer>) async {
        let peer = connection.channel.remoteAddress?.description ?? "?"
        let allocator = connection.channel.allocator
        var session = dispatcher.makeSession()
        do {
            try await connection.executeThenClose { inbound, outbound in
                do {
                    for try await frames in inbound.cancelOnGracefulShutdown() {
                        var out = allocator.buffer(capacity: 512 * frames.count)
                        for frame in frames {
                            await dispatcher.respond(to: frame, session: &session, into: &out)
                            if session.shouldClose { break }
                        }
                        if out.readableBytes > 0 { try await outbound.write(out) }
                        if session.shouldClose { return }
                    }
                } catch let error as RPCFrameError {
                    logger.debug("rpc.frame_error", metadata: ["connection.peer": "\(peer)", "error": "\(error)"])
                    try? await outbound.write(Self.errorFrame(error.rpcError, allocator: allocator))
                }
            }
        } catch {
            logger.debug("rpc.connection_error", metadata: ["connection.peer": "\(peer)", "error": "\(error)"])
        }
    }

    private func reject(_ connection: NIOAsyncChannel<[ByteBuffer], ByteBuffer>) async {
        logger.debug("rpc.overloaded", metadata: ["rpc.max_connections": "\(configuration.maxConnections)"])
        let error = RPCError(.overloaded, "too many connections", data: .object(["max_connections": .number(configuration.maxConnections)]))
        try? await connection.executeThenClose { _, outbound in
            try await outbound.write(Self.errorFrame(error, allocator: connection.channel.allocator))
        }
    }

    static func errorFrame(_ error: RPCError, allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 128)
        RPCFrame.write(RPCResponse.failure(id: .null, error: error), into: &buffer)
        return buffer
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
