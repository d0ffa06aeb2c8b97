/// Sent toward the head of a connection's pipeline (an outbound user event) when work for
/// the connection starts or stops running in its task: `RPCIdleTimeoutHandler` does not count
/// time spent waiting on the server as the client's idleness.
public struct RPCWorkEvent: Sendable, Equatable {
    public var isBusy: Bool
    public init(isBusy: Bool) { self.isBusy = isBusy }
}
