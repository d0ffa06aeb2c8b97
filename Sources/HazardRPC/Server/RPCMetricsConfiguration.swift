import NIOCore

/// Where `hazard serve --metrics` serves Prometheus text, and its limits.
public struct RPCMetricsConfiguration: Sendable, Equatable {
    public static let defaultHost = "127.0.0.1"

    public var host: String
    /// 0 picks a free port (tests); the endpoint reports the real one.
    public var port: Int
    /// Metrics have no authentication: a non-loopback host is refused unless this is set
    /// (`--metrics-allow-remote`).
    public var allowsRemote: Bool
    /// Scrapers connected at once; more are closed on accept.
    public var maxConnections: Int
    /// A connection that sends nothing for this long is closed.
    public var idleTimeout: Duration

    public init(host: String = RPCMetricsConfiguration.defaultHost, port: Int, allowsRemote: Bool = false,
                maxConnections: Int = 16, idleTimeout: Duration = .seconds(30)) {
        self.host = host
        self.port = port
        self.allowsRemote = allowsRemote
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
    }

    /// `PORT`, `HOST:PORT` or `[IPv6]:PORT`; a bare port binds to 127.0.0.1.
    ///
    /// - Throws: `RPCConfigurationError` for anything else, or a port outside 0…65535.
    public static func parse(_ text: String, allowsRemote: Bool = false) throws(RPCConfigurationError) -> RPCMetricsConfiguration {
        var host = defaultHost
        var portText = Substring(text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw invalid(text) }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
            guard !host.contains(":") else { throw invalid(text) }
        }
        guard !host.isEmpty, let port = Int(portText), (0...65_535).contains(port) else { throw invalid(text) }
        return RPCMetricsConfiguration(host: host, port: port, allowsRemote: allowsRemote)
    }

    private static func invalid(_ text: String) -> RPCConfigurationError {
        RPCConfigurationError(file: "hazard serve", message: "--metrics takes PORT, HOST:PORT or [IPv6]:PORT (port 0…65535), not '\(text)'")
    }

    /// - Throws: `RPCConfigurationError` when the host is not loopback and remote scrapes
    ///   were not allowed.
    public func validate() throws(RPCConfigurationError) {
        guard allowsRemote || Self.isLoopback(host) else {
            throw RPCConfigurationError(file: "hazard serve", message: "refusing to serve metrics on \(host), which is not a loopback address: metrics have no authentication; pass --metrics-allow-remote to serve them there anyway")
        }
        guard maxConnections >= 1, idleTimeout > .zero else {
            throw RPCConfigurationError(file: "hazard serve", message: "metrics connection limit and idle timeout must be positive")
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        guard let address = try? SocketAddress.makeAddressResolvingHost(host, port: 0) else { return false }
        return RPCServerConfiguration.isLoopback(address)
    }
}
