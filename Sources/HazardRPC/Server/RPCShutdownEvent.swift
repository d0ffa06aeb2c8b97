/// Sent down a connection's pipeline when the server shuts down gracefully: the connection
/// reads no more, answers the frames it has read (waiting for a running ledger call), and
/// closes.
public struct RPCShutdownEvent: Sendable {
    public init() {}
}
