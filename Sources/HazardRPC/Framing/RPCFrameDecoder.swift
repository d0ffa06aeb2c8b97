public import NIOCore

/// Splits a byte stream into RPC frames: a 4-byte unsigned big-endian length N, then N bytes.
///
/// The length is checked as soon as the 4 header bytes are in: N = 0 or N over
/// `maxFrameLength` throws `RPCFrameError.invalidLength` before any of the body is buffered, so
/// a client cannot make the server hold a huge frame. `NIOExtras.LengthFieldBasedFrameDecoder`
/// has no configurable maximum, hence this type.
public struct RPCFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ByteBuffer

    public static let defaultMaxFrameLength = 1 << 20
    /// The limit when no `RPCFrameLimit` is shared.
    public let maxFrameLength: Int
    /// A limit the connection changes as it goes (smaller until it authenticates).
    private let shared: RPCFrameLimit?

    public init(maxFrameLength: Int = RPCFrameDecoder.defaultMaxFrameLength) {
        precondition(maxFrameLength >= 1 && maxFrameLength <= Int(UInt32.max), "maxFrameLength must be 1…2^32-1")
        self.maxFrameLength = maxFrameLength
        self.shared = nil
    }

    /// A decoder whose limit is `limit.value` at each header read.
    public init(limit: RPCFrameLimit) {
        self.maxFrameLength = limit.value
        self.shared = limit
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try Self.nextFrame(from: &buffer, maxFrameLength: shared?.value ?? maxFrameLength) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if buffer.readableBytes > 0 {
            let expected = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self).map { Int($0) + 4 }
            let received = buffer.readableBytes
            buffer.moveReaderIndex(forwardBy: received)
            throw RPCFrameError.truncatedFrame(expected: expected, received: received)
        }
        return .needMoreData
    }

    /// Takes one complete frame's payload off the front of `buffer`, or nil when it is not all there.
    ///
    /// - Throws: `RPCFrameError.invalidLength` as soon as a bad header is readable.
    public static func nextFrame(from buffer: inout ByteBuffer, maxFrameLength: Int) throws(RPCFrameError) -> ByteBuffer? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return nil }
        guard length >= 1, Int(length) <= maxFrameLength else {
            throw .invalidLength(Int(length), maximum: maxFrameLength)
        }
        guard buffer.readableBytes >= 4 + Int(length) else { return nil }
        buffer.moveReaderIndex(forwardBy: 4)
        return buffer.readSlice(length: Int(length))
    }
}

@available(*, unavailable)
extension RPCFrameDecoder: Sendable {}
