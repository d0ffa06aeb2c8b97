/// Per-connection state: who authenticated, how many wrong tokens were tried, from where.
public struct RPCSession: Sendable {
    public static let maximumFailedAuthentications = 5

    public var principal: RPCPrincipal?
    public var failedAuthentications = 0
    /// Set when the connection must close after this response (too many wrong tokens); the
    /// rest of a batch is then refused, not run.
    public var shouldClose = false
    /// The peer's address (without port), for the server-wide limits on wrong tokens.
    public var peer: String?

    public init(principal: RPCPrincipal? = nil, peer: String? = nil) {
        self.principal = principal
        self.peer = peer
    }
}
