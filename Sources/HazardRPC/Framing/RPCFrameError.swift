/// A framing error: the byte stream cannot be split into frames any further, so the
/// connection is answered with an error frame and closed.
public enum RPCFrameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The header announced 0 bytes or more than the maximum.
    case invalidLength(Int, maximum: Int)
    /// The peer closed in the middle of a frame (`expected` total bytes when the header was complete).
    case truncatedFrame(expected: Int?, received: Int)

    public var description: String {
        switch self {
        case let .invalidLength(length, maximum):
            return length == 0 ? "frame length 0 (must be 1…\(maximum))" : "frame length \(length) exceeds the maximum \(maximum)"
        case let .truncatedFrame(expected, received):
            return "connection closed inside a frame (\(received) of \(expected.map(String.init) ?? "≥4") bytes)"
        }
    }
}
