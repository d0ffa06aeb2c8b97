public import NIOCore
import HazardJSON

/// Answers a connection the server cannot take (over `max_connections`) with one error frame
/// and closes it, without reading any request.
public final class RPCRejectHandler: ChannelInboundHandler {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    private let error: RPCError
    private var rejected = false

    public init(error: RPCError) { self.error = error }

    public func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { reject(context: context) }
    }

    public func channelActive(context: ChannelHandlerContext) {
        reject(context: context)
        context.fireChannelActive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    private func reject(context: ChannelHandlerContext) {
        guard !rejected else { return }
        rejected = true
        var buffer = context.channel.allocator.buffer(capacity: 128)
        RPCFrame.write(RPCResponse.failure(id: .null, error: error), into: &buffer)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(Self.wrapOutboundOut(buffer)).whenComplete { _ in bound.value.close(promise: nil) }
    }
}

@available(*, unavailable)
extension RPCRejectHandler: Sendable {}
