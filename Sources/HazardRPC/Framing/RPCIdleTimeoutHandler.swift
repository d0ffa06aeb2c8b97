public import NIOCore

/// Closes a connection that completes no frame and is sent nothing for `timeout`, except
/// while work for it runs in its task (an `RPCWorkEvent` says so): a long batch must be
/// answered, not cut off by the timer.
///
/// It sits after the frame decoder, so it sees whole frames only: a client that sends part of
/// a frame and stalls (or trickles bytes) never resets the timer and is disconnected, which a
/// plain read-idle timer would miss.
public final class RPCIdleTimeoutHandler: ChannelDuplexHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = ByteBuffer
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var scheduled: Scheduled<Void>?
    private var lastActivity = NIODeadline.now()
    private var isBusy = false

    public init(timeout: TimeAmount) { self.timeout = timeout }

    public func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context: context) }
    }

    public func channelActive(context: ChannelHandlerContext) {
        arm(context: context)
        context.fireChannelActive()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        scheduled?.cancel()
        scheduled = nil
        context.fireChannelInactive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        scheduled?.cancel()
        scheduled = nil
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        arm(context: context)
        context.fireChannelRead(data)
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        arm(context: context)
        context.write(data, promise: promise)
    }

    public func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        if let work = event as? RPCWorkEvent {
            isBusy = work.isBusy
            // The wait for the server's work ends now: the client's idle time starts afresh.
            arm(context: context)
            promise?.succeed()
        } else {
            context.triggerUserOutboundEvent(event, promise: promise)
        }
    }

    /// Records activity; one timer per connection is re-armed lazily when it fires, rather
    /// than rescheduled on every frame (that would allocate per request).
    private func arm(context: ChannelHandlerContext) {
        lastActivity = context.eventLoop.now
        if scheduled == nil { schedule(context: context, at: lastActivity + timeout) }
    }

    private func schedule(context: ChannelHandlerContext, at deadline: NIODeadline) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        scheduled = context.eventLoop.scheduleTask(deadline: deadline) {
            let (handler, context) = loopBound.value
            handler.fire(context: context)
        }
    }

    private func fire(context: ChannelHandlerContext) {
        scheduled = nil
        if isBusy { lastActivity = context.eventLoop.now }
        let due = lastActivity + timeout
        if due <= context.eventLoop.now {
            context.close(promise: nil)
        } else {
            schedule(context: context, at: due)
        }
    }
}

@available(*, unavailable)
extension RPCIdleTimeoutHandler: Sendable {}
