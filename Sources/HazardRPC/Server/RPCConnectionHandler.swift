public import NIOCore
import HazardJSON

/// One connection's JSON-RPC work, on its event loop.
///
/// Frames whose methods only compute (grading, checklists) are answered right here, in the
/// read that delivered them; the responses of one read burst go out in one write at
/// `channelReadComplete`, so a pipelining client costs one syscall per burst. A frame that
/// calls the ledger is answered in a task off the event loop (SQLite must never block it);
/// frames read meanwhile queue behind it so responses, and session changes such as
/// `session.authenticate`, keep request order. A full queue stops reading from the socket:
/// back-pressure rather than unbounded memory.
///
/// Output is back-pressured too: once `outputHighWater` bytes of responses wait for the
/// client to take them, the connection is *paused* — frames are queued, not answered, and the
/// socket is not read — until the client has taken all but `outputLowWater`. A client that
/// pipelines and never reads thus holds at most about the high-water mark plus one response.
public final class RPCConnectionHandler: ChannelDuplexHandler {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    /// Frames held behind a running task before the connection stops reading.
    public static let maximumQueued = 256
    /// The most a connection reserves ahead for a burst of responses.
    static let maximumBurstReserve = 1 << 20

    /// What a connection may hold and how long it may take; `RPCServer` fills it from its
    /// configuration.
    public struct Limits {
        public var outputHighWater = 1 << 20
        public var outputLowWater = 256 << 10
        /// Set when the server has tokens: the connection closes if still unauthenticated then.
        public var authTimeout: TimeAmount?
        /// After a graceful shutdown starts, the connection closes by then whatever is left.
        public var shutdownTimeout = TimeAmount.seconds(10)
        /// The decoder's limit, raised to `authenticatedMaxFrame` on authentication.
        public var frameLimit: RPCFrameLimit?
        public var authenticatedMaxFrame = RPCFrameDecoder.defaultMaxFrameLength
        /// The unauthenticated slot this connection holds (and its address), given back on
        /// authentication or close.
        public var admission: (RPCAdmission, String)?
        public var metrics = RPCServerMetrics()

        public init() {}
    }

    private enum Closing {
        case shutdown
        case sessionEnded
        /// The client closed its sending side (half-closure): answer what was read, then close.
        case inputClosed
        case frameError(RPCFrameError)
        case authTimeout
    }

    private var dispatcher: RPCDispatcher
    /// Where a newer dispatcher comes from after a reload, and the generation `dispatcher` has.
    private let catalog: RPCChecklistCatalog?
    private var generation: Int
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
    private let limits: Limits
    /// Response bytes handed to the channel whose writes have not completed.
    private var unsent = 0
    /// Bytes of the frames in `queued`.
    private var queuedBytes = 0
    /// Paused for output: see the type's comment.
    private var isPaused = false
    private var isAuthenticated = false
    private var authDeadline: Scheduled<Void>?
    private var shutdownDeadline: Scheduled<Void>?

    public init(dispatcher: RPCDispatcher, limits: Limits = Limits()) {
        self.dispatcher = dispatcher
        self.catalog = nil
        self.generation = 0
        self.session = dispatcher.makeSession()
        self.out = ByteBuffer()
        self.limits = limits
    }

    /// A connection on `loop` that answers each request with the catalog's current set: a
    /// reload reaches it before its next request.
    public init(catalog: RPCChecklistCatalog, loop: any EventLoop, limits: Limits = Limits()) {
        let (generation, dispatcher) = catalog.dispatcher(for: loop)
        self.dispatcher = dispatcher
        self.catalog = catalog
        self.generation = generation
        self.session = dispatcher.makeSession()
        self.out = ByteBuffer()
        self.limits = limits
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        out = context.channel.allocator.buffer(capacity: 0)
        // The address (not the port) is what the server-wide limits on wrong tokens count by.
        session.peer = context.channel.remoteAddress?.ipAddress
        isAuthenticated = session.principal != nil
        if !isAuthenticated, let timeout = limits.authTimeout {
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            authDeadline = context.eventLoop.scheduleTask(in: timeout) {
                let (handler, context) = bound.value
                handler.authTimedOut(context: context)
            }
        }
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        if closed || isClosingAfterSession { return }
        if taskRunning || !queued.isEmpty || isPaused {
            enqueue(frame)
        } else {
            answer(frame, context: context)
            pauseIfFull(context: context)
        }
    }

    private func enqueue(_ frame: ByteBuffer) {
        queued.append(frame)
        queuedBytes += frame.readableBytes
        limits.metrics.add(frame.readableBytes)
    }

    private func dequeue() -> ByteBuffer? {
        guard let frame = queued.popFirst() else { return nil }
        queuedBytes -= frame.readableBytes
        limits.metrics.remove(frame.readableBytes)
        return frame
    }

    private func dropQueue() {
        limits.metrics.remove(queuedBytes)
        queuedBytes = 0
        queued.removeAll()
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        writeResponses(context: context)
        closeIfDone(context: context)
        context.fireChannelReadComplete()
    }

    public func read(context: ChannelHandlerContext) {
        if closing != nil { return }
        if queued.count >= Self.maximumQueued || isPaused {
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
            // A client that never takes its answers must not hold the shutdown up.
            if shutdownDeadline == nil {
                let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
                shutdownDeadline = context.eventLoop.scheduleTask(in: limits.shutdownTimeout) { bound.value.close(promise: nil) }
            }
            closeIfDone(context: context)
        } else if case .some(.inputClosed) = event as? ChannelEvent {
            // Half-closed: the requests already sent are answered before the connection closes.
            if closing == nil { closing = .inputClosed }
            closeIfDone(context: context)
            context.fireUserInboundEventTriggered(event)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    public func channelInactive(context: ChannelHandlerContext) {
        closed = true
        dropQueue()
        authDeadline?.cancel()
        shutdownDeadline?.cancel()
        releaseAdmission()
        context.fireChannelInactive()
    }

    private func releaseAdmission() {
        guard let (admission, address) = limits.admission, !isAuthenticated else { return }
        isAuthenticated = true
        admission.release(address)
    }

    /// After each answer: the first authentication gives back the unauthenticated slot,
    /// stops the deadline and raises the frame limit.
    private func noteAuthentication() {
        guard !isAuthenticated, session.principal != nil else { return }
        releaseAdmission()
        isAuthenticated = true
        authDeadline?.cancel()
        authDeadline = nil
        limits.frameLimit?.value = limits.authenticatedMaxFrame
    }

    private func authTimedOut(context: ChannelHandlerContext) {
        authDeadline = nil
        guard !isAuthenticated, !closed else { return }
        closing = .authTimeout
        dropQueue()
        closed = true
        var buffer = context.channel.allocator.buffer(capacity: 128)
        RPCFrame.write(RPCResponse.failure(id: .null, error: RPCError(.unauthenticated, "not authenticated in time; the connection is closed")), into: &buffer)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(Self.wrapOutboundOut(buffer)).whenComplete { _ in bound.value.close(promise: nil) }
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
        // Between requests: a reload since the last one switches this connection to the new set.
        if let catalog, catalog.generation != generation {
            (generation, dispatcher) = catalog.dispatcher(for: context.eventLoop)
        }
        reserveForBurst()
        switch dispatcher.respondNow(to: frame, session: &session, into: &out, scratch: &scratch) {
        case .answered:
            noteAuthentication()
            if session.shouldClose { endSession() }
        case .deferred(let payload):
            startTask(payload, context: context)
        }
    }

    private func endSession() {
        closing = .sessionEnded
        dropQueue()
    }

    private func startTask(_ payload: JSONValue, context: ChannelHandlerContext) {
        taskRunning = true
        context.triggerUserOutboundEvent(RPCWorkEvent(isBusy: true), promise: nil)
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
        context.triggerUserOutboundEvent(RPCWorkEvent(isBusy: false), promise: nil)
        self.session = session
        noteAuthentication()
        var response = response
        out.writeBuffer(&response)
        if session.shouldClose { endSession() }
        pauseIfFull(context: context)
        drain(context: context)
    }

    /// Answers queued frames until a task starts or output fills, then resumes reading if
    /// it was held and there is room again.
    private func drain(context: ChannelHandlerContext) {
        while !taskRunning, !isPaused, !isClosingAfterSession, !closed, let frame = dequeue() {
            answer(frame, context: context)
            pauseIfFull(context: context)
        }
        writeResponses(context: context)
        if readHeld, !isPaused, queued.count < Self.maximumQueued, closing == nil {
            readHeld = false
            context.read()
        }
        closeIfDone(context: context)
    }

    /// Pauses the connection when the responses not yet taken by the client reach the
    /// high-water mark (writing out what is gathered first).
    private func pauseIfFull(context: ChannelHandlerContext) {
        guard !isPaused, unsent + out.readableBytes >= limits.outputHighWater else { return }
        writeResponses(context: context)
        if unsent >= limits.outputHighWater {
            isPaused = true
            limits.metrics.countPause()
        }
    }

    /// A write completed (taken by the socket, or failed on close).
    private func written(_ bytes: Int, context: ChannelHandlerContext) {
        unsent -= bytes
        limits.metrics.remove(bytes)
        guard isPaused, unsent <= limits.outputLowWater else { return }
        isPaused = false
        // Completions can arrive inside `writeAndFlush`; answering more there would re-enter it.
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.execute {
            let (handler, context) = bound.value
            handler.drain(context: context)
        }
    }

    private func writeResponses(context: ChannelHandlerContext) {
        guard out.readableBytes > 0, !closed else { return }
        let buffer = out
        lastBurst = buffer.readableBytes
        reserved = false
        out = context.channel.allocator.buffer(capacity: 0)
        send(buffer, context: context).whenComplete { _ in }
    }

    /// Writes and flushes `buffer`, counting it as unsent until the write completes.
    private func send(_ buffer: ByteBuffer, context: ChannelHandlerContext) -> EventLoopFuture<Void> {
        let bytes = buffer.readableBytes
        unsent += bytes
        limits.metrics.add(bytes)
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let future = context.writeAndFlush(Self.wrapOutboundOut(buffer))
        future.whenComplete { _ in
            let (handler, context) = bound.value
            handler.written(bytes, context: context)
        }
        return future
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
        send(buffer, context: context).whenComplete { _ in
            bound.value.close(promise: nil)
        }
    }
}

@available(*, unavailable)
extension RPCConnectionHandler: Sendable {}
