public import NIOCore

/// Collects the frames decoded from one socket read and passes them on together at
/// `channelReadComplete`, so the connection task answers a pipelined burst with one write
/// (and one syscall) instead of one per request.
public final class RPCFrameBatcher: ChannelInboundHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = [ByteBuffer]

    private var pending: [ByteBuffer] = []

    public init() {}

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        pending.append(Self.unwrapInboundIn(data))
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        flushPending(context: context)
        context.fireChannelReadComplete()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Frames decoded before the bad header are still answered.
        flushPending(context: context)
        context.fireErrorCaught(error)
    }

    public func channelInactive(context: ChannelHandlerContext) {
        flushPending(context: context)
        context.fireChannelInactive()
    }

    private func flushPending(context: ChannelHandlerContext) {
        guard !pending.isEmpty else { return }
        let frames = pending
        pending.removeAll(keepingCapacity: true)
        context.fireChannelRead(Self.wrapInboundOut(frames))
    }
}

@available(*, unavailable)
extension RPCFrameBatcher: Sendable {}
