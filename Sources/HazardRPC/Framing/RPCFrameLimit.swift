/// The largest frame a connection reads now, shared by its `RPCFrameDecoder` and its
/// `RPCConnectionHandler` on one event loop: the handler raises it once the connection
/// authenticates (`--max-frame-unauthenticated` before, `--max-frame` after).
public final class RPCFrameLimit {
    public var value: Int

    public init(_ value: Int) {
        precondition(value >= 1 && value <= Int(UInt32.max), "a frame limit must be 1…2^32-1")
        self.value = value
    }
}

@available(*, unavailable)
extension RPCFrameLimit: Sendable {}
