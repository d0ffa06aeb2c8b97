public import NIOCore

/// One connection's JSON-RPC work, on its event loop.
///
/// Frames whose methods only compute (grading, checklists) are answered right here, in the
/// read that delivered them; the responses of one read burst go out in one write at
/// `channelReadComplete`, so a pipelining client costs one syscall per burst. A frame that
/// calls the ledger is answered in a task off the event loop (SQLite must never block it);
/// frames read meanwhile queue behind it so responses, and session changes such as
/// `session.authenticate`, keep request order. A full queue stops reading from the socket:
/// back-pressure rather than unbounded memory.
public final class RPCConnectionHandler: ChannelDuplexHandler {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    /// Frames held behind a running task before the connection stops reading.
    public static let maximumQueued = 256
    /// The most a connection reserves ahead for a burst of responses.
    static let maximumBurstReserve = 1 << 20

    private enum Closing {
        case shutdown
        case sessionEnded
        case frameError(RPCFrameError)
    }

    private let dispatcher: RPCDispatcher
    private var session: RPCSession
    /// Responses gathered since the last flush.
    private var out: ByteBuffer
    /// The tape each request is read into, and the room the next response gets in `out`; reused.
    private var scratch = RPCScratch()
    /// Bytes of the last burst of responses written, and whether `out` has been sized for the next.
    private var lastBurst = 0
    private var reserved = false
    private var queued = CircularBuffer<ByteBuffer>()
    private var taskRunning = false
    private var readHeld = false
    private var closing: Closing?
    private var closed = false

    public init(dispatcher: RPCDispatcher) {
        self.dispatcher = dispatcher
        self.session = dispatcher.makeSession()
        self.out = ByteBuffer()
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        out = context.channel.allocator.buffer(capacity: 0)
        // The address (not the port) is what the server-wide limits on wrong tokens count by.
        session.peer = context.channel.remoteAddress?.ipAddress
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        if closed || isClosingAfterSession { return }
        if taskRunning || !queued.isEmpty {
            queued.append(frame)
        } else {
            answer(frame, context: context)
        }
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        writeResponses(context: context)
        closeIfDone(context: context)
        context.fireChannelReadComplete()
    }

    public func read(context: ChannelHandlerContext) {
        if closing != nil { return }
        if queued.count >= Self.maximumQueued {
            readHeld = true
        } else {
            context.read()
        }
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? RPCFrameError {
            // Frames decoded before the bad header are still answered, then the error frame.
            if closing == nil || isClosingAfterShutdown { closing = .frameError(error) }
            closeIfDone(context: context)
        } else {
            context.close(promise: nil)
        }
    }

    public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is RPCShutdownEvent {
            if closing == nil { closing = .shutdown }
            closeIfDone(context: context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    public func channelInactive(context: ChannelHandlerContext) {
        closed = true
        queued.removeAll()
        context.fireChannelInactive()
    }

    private var isClosingAfterSession: Bool {
        if case .sessionEnded = closing { return true }
        return false
    }

    private var isClosingAfterShutdown: Bool {
        if case .shutdown = closing { return true }
        return false
    }

    private func answer(_ frame: ByteBuffer, context: ChannelHandlerContext) {
        reserveForBurst()
        switch dispatcher.respondNow(to: frame, session: &session, into: &out, scratch: &scratch) {
        case .answered:
            if session.shouldClose { endSession() }
        case .deferred(let payload):
            startTask(payload, context: context)
        }
    }

    private func endSession() {
        closing = .sessionEnded
        queued.removeAll()
    }

    private func startTask(_ payload: JSONValue, context: ChannelHandlerContext) {
        taskRunning = true
        let dispatcher = dispatcher
        let session = session
        let allocator = context.channel.allocator
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: loop)
        Task {
            var session = session
            var response = allocator.buffer(capacity: 1024)
            await dispatcher.respond(to: payload, session: &session, into: &response)
            loop.execute { [response, session] in
                let (handler, context) = bound.value
                handler.taskFinished(response, session: session, context: context)
            }
        }
    }

    private func taskFinished(_ response: ByteBuffer, session: RPCSession, context: ChannelHandlerContext) {
        taskRunning = false
        guard !closed else { return }
        self.session = session
        var response = response
        out.writeBuffer(&response)
        if session.shouldClose { endSession() }
        while !taskRunning, !isClosingAfterSession, let frame = queued.popFirst() {
            answer(frame, context: context)
        }
        writeResponses(context: context)
        if readHeld, queued.count < Self.maximumQueued, closing == nil {
            readHeld = false
            context.read()
        }
        closeIfDone(context: context)
    }

    private func writeResponses(context: ChannelHandlerContext) {
        guard out.readableBytes > 0, !closed else { return }
        let buffer = out
        lastBurst = buffer.readableBytes
        reserved = false
        out = context.channel.allocator.buffer(capacity: 0)
        context.writeAndFlush(Self.wrapOutboundOut(buffer), promise: nil)
    }

    /// Makes room in `out` for a burst like the last one before its first response is
    /// written: 16 pipelined grading results grown from empty would be copied four times
    /// over as the buffer doubled.
    private func reserveForBurst() {
        guard !reserved else { return }
        reserved = true
        if lastBurst > 0 { out.reserveCapacity(min(lastBurst + lastBurst / 8, Self.maximumBurstReserve)) }
    }

    /// Closes once nothing is left to answer, after the last response has been written.
    private func closeIfDone(context: ChannelHandlerContext) {
        guard let closing, !closed, !taskRunning, queued.isEmpty else { return }
        if case .frameError(let error) = closing {
            RPCFrame.write(RPCResponse.failure(id: .null, error: error.rpcError), into: &out)
        }
        closed = true
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let buffer = out
        out = context.channel.allocator.buffer(capacity: 0)
        context.writeAndFlush(Self.wrapOutboundOut(buffer)).whenComplete { _ in
            bound.value.close(promise: nil)
        }
    }
}

@available(*, unavailable)
extension RPCConnectionHandler: Sendable {}
