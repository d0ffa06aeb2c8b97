/// Where and how `RPCServer` listens, and its limits (`rpc/PROTOCOL.md` §5).
public struct RPCServerConfiguration: Sendable {
    public static let defaultPort = 7420

    public var host: String
    /// 0 picks a free port (tests); `onListening` reports the real one.
    public var port: Int
    public var maxFrameLength: Int
    public var maxConnections: Int
    public var idleTimeout: Duration

    public init(host: String = "127.0.0.1", port: Int = RPCServerConfiguration.defaultPort,
                maxFrameLength: Int = RPCFrameDecoder.defaultMaxFrameLength, maxConnections: Int = 512,
                idleTimeout: Duration = .seconds(60)) {
        self.host = host
        self.port = port
        self.maxFrameLength = maxFrameLength
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
    }

    /// Whether `host` names a loopback interface (an unauthenticated server may bind only there).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
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
    }

    /// The longest idle timeout accepted: one day.
    public static let maximumIdleTimeoutSeconds = 86_400.0

    /// The idle timeout for `--idle-timeout SECONDS`.
    ///
    /// - Throws: `RPCConfigurationError` for NaN, infinities, zero, negative values or more
    ///   than `maximumIdleTimeoutSeconds` (which would not fit the timer, or mean no timeout).
    public static func idleTimeout(seconds: Double) throws(RPCConfigurationError) -> Duration {
        guard seconds.isFinite, seconds > 0, seconds <= maximumIdleTimeoutSeconds else {
            throw RPCConfigurationError(file: "hazard serve", message: "idle timeout must be a number of seconds in (0, \(Int(maximumIdleTimeoutSeconds))], not \(seconds)")
        }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }
}
