/// Per-connection state: who authenticated, how many wrong tokens were tried.
public struct RPCSession: Sendable {
    public static let maximumFailedAuthentications = 5

    public var principal: RPCPrincipal?
    public var failedAuthentications = 0
    /// Set when the connection must close after this response (too many wrong tokens).
    public var shouldClose = false

    public init(principal: RPCPrincipal? = nil) { self.principal = principal }
}
