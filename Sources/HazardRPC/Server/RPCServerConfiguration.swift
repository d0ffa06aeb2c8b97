import NIOCore

/// Where and how `RPCServer` listens, and its limits (`rpc/PROTOCOL.md` §5).
public struct RPCServerConfiguration: Sendable {
    public static let defaultPort = 7420

    public var host: String
    /// 0 picks a free port (tests); `onListening` reports the real one.
    public var port: Int
    public var maxFrameLength: Int
    public var maxConnections: Int
    public var idleTimeout: Duration
    /// The most bytes one response frame holds (a batch's responses together); an answer
    /// past it is replaced by `-32013` (`RPCError.responseTooLarge`).
    public var maxResponseLength: Int
    /// Output a connection may have pending (written, not yet taken by the socket) before it
    /// stops reading and answering; it resumes below `outputLowWater`.
    public var outputHighWater: Int
    public var outputLowWater: Int
    /// With tokens: how long a connection may stay unauthenticated before it is closed.
    public var authTimeout: Duration
    /// With tokens: how many of `maxConnections` unauthenticated connections may hold, so
    /// the rest stay free for clients that authenticate.
    public var maxUnauthenticatedConnections: Int
    /// With tokens: unauthenticated connections at once from one address.
    public var maxUnauthenticatedPerAddress: Int
    /// With tokens: the largest frame read before a connection authenticates.
    public var unauthenticatedMaxFrameLength: Int
    /// On graceful shutdown, how long a connection may take to answer what it has read and
    /// have it taken by the client before it is closed regardless.
    public var shutdownTimeout: Duration

    public static let defaultMaxResponseLength = RPCDispatcher.defaultMaxResponseLength
    /// Responses are at most 1 GiB, far inside the frame header's 4 GiB.
    public static let maximumMaxResponseLength = 1 << 30

    public init(host: String = "127.0.0.1", port: Int = RPCServerConfiguration.defaultPort,
                maxFrameLength: Int = RPCFrameDecoder.defaultMaxFrameLength, maxConnections: Int = 512,
                idleTimeout: Duration = .seconds(60),
                maxResponseLength: Int = RPCServerConfiguration.defaultMaxResponseLength,
                outputHighWater: Int = 1 << 20, outputLowWater: Int = 256 << 10,
                authTimeout: Duration = .seconds(10), maxUnauthenticatedConnections: Int = 256,
                maxUnauthenticatedPerAddress: Int = 16, unauthenticatedMaxFrameLength: Int = 64 << 10,
                shutdownTimeout: Duration = .seconds(10)) {
        self.host = host
        self.port = port
        self.maxFrameLength = maxFrameLength
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
        self.maxResponseLength = maxResponseLength
        self.outputHighWater = outputHighWater
        self.outputLowWater = outputLowWater
        self.authTimeout = authTimeout
        self.maxUnauthenticatedConnections = maxUnauthenticatedConnections
        self.maxUnauthenticatedPerAddress = maxUnauthenticatedPerAddress
        self.unauthenticatedMaxFrameLength = unauthenticatedMaxFrameLength
        self.shutdownTimeout = shutdownTimeout
    }

    /// Whether `host` names a loopback interface (an unauthenticated server may bind only there).
    /// The name is resolved as the bind resolves it and the address checked, not the text: a
    /// prefix test on the name passed "127.example.com", which resolves anywhere.
    public var isLoopback: Bool {
        guard let address = try? SocketAddress.makeAddressResolvingHost(host, port: 0) else { return false }
        return Self.isLoopback(address)
    }

    /// 127.0.0.0/8, ::1, or an IPv4-mapped 127.x address; judged on the numeric address.
    static func isLoopback(_ address: SocketAddress) -> Bool {
        guard let ip = address.ipAddress else { return false }
        switch address.protocol {
        case .inet: return ip.hasPrefix("127.")
        case .inet6: return ip == "::1" || ip.lowercased().hasPrefix("::ffff:127.")
        default: return false
        }
    }

    /// - Throws: `RPCConfigurationError` when a server without tokens would be reachable from
    ///   other machines, or a limit is out of range.
    public func validate(authenticated: Bool) throws(RPCConfigurationError) {
        if !authenticated && !isLoopback {
            throw RPCConfigurationError(file: "hazard serve", message: "refusing to listen on \(host) without authentication: pass --auth FILE with tokens, or bind to 127.0.0.1")
        }
        guard (0...65_535).contains(port) else {
            throw RPCConfigurationError(file: "hazard serve", message: "port must be 0…65535 (0 picks a free one), not \(port)")
        }
        guard (1...Int(UInt32.max)).contains(maxFrameLength) else {
            throw RPCConfigurationError(file: "hazard serve", message: "max frame must be 1…\(UInt32.max) bytes")
        }
        guard maxConnections >= 1 else { throw RPCConfigurationError(file: "hazard serve", message: "max connections must be at least 1") }
        guard idleTimeout > .zero else { throw RPCConfigurationError(file: "hazard serve", message: "idle timeout must be positive") }
        guard (1024...Self.maximumMaxResponseLength).contains(maxResponseLength) else {
            throw RPCConfigurationError(file: "hazard serve", message: "max response must be 1024…\(Self.maximumMaxResponseLength) bytes")
        }
        guard outputLowWater >= 1, outputLowWater <= outputHighWater else {
            throw RPCConfigurationError(file: "hazard serve", message: "output low water must be 1…high water bytes")
        }
        guard maxUnauthenticatedConnections >= 1, maxUnauthenticatedPerAddress >= 1 else {
            throw RPCConfigurationError(file: "hazard serve", message: "unauthenticated connection limits must be at least 1")
        }
        guard (1...maxFrameLength).contains(unauthenticatedMaxFrameLength) else {
            throw RPCConfigurationError(file: "hazard serve", message: "the unauthenticated max frame must be 1…max frame bytes")
        }
        guard authTimeout > .zero, shutdownTimeout > .zero else {
            throw RPCConfigurationError(file: "hazard serve", message: "auth and shutdown timeouts must be positive")
        }
    }

    /// The longest idle timeout accepted: one day.
    public static let maximumIdleTimeoutSeconds = 86_400.0

    /// The idle timeout for `--idle-timeout SECONDS`.
    ///
    /// - Throws: `RPCConfigurationError` for NaN, infinities, zero, negative values or more
    ///   than `maximumIdleTimeoutSeconds` (which would not fit the timer, or mean no timeout).
    public static func idleTimeout(seconds: Double) throws(RPCConfigurationError) -> Duration {
        try timeout("idle timeout", seconds: seconds)
    }

    /// A timeout in seconds (`--idle-timeout`, `--auth-timeout`, `--shutdown-timeout`).
    ///
    /// - Throws: `RPCConfigurationError` for NaN, infinities, zero, negative values or more
    ///   than `maximumIdleTimeoutSeconds`.
    public static func timeout(_ name: String, seconds: Double) throws(RPCConfigurationError) -> Duration {
        guard seconds.isFinite, seconds > 0, seconds <= maximumIdleTimeoutSeconds else {
            throw RPCConfigurationError(file: "hazard serve", message: "\(name) must be a number of seconds in (0, \(Int(maximumIdleTimeoutSeconds))], not \(seconds)")
        }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    /// `duration` for NIO's timers.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
