public import Logging
public import NIOCore
public import HazardJSON
import HazardCoreJSON

/// Turns request frames into response frames: parses the payload, checks the JSON-RPC
/// envelope, authenticates, authorises by role, runs the method and maps errors to codes.
/// Stateless apart from the `RPCSession` the connection passes in; shared by all connections.
public struct RPCDispatcher: Sendable {
    public static let maximumBatch = 1_000
    /// The most entries a batch of only synchronous methods may have to be answered on the
    /// event loop, in the read that delivered it. A longer one (1,000 `checklists.get` took
    /// 2.8 s to encode) runs in the connection's task, off the loop, like a ledger call.
    public static let maximumSynchronousBatch = 32
    /// The default of `maxResponseLength` (`--max-response`): 16 MiB, what clients are told to accept.
    public static let defaultMaxResponseLength = 16 << 20

    public private(set) var methods: [String: RPCMethod]
    /// nil: no token file, every connection is `RPCPrincipal.local`.
    public let auth: RPCAuthConfiguration?
    /// Limits on wrong tokens across connections; share one among all dispatchers of a server.
    public let throttle: RPCAuthThrottle
    /// The most bytes of JSON one response frame may hold: a single response, or all the
    /// responses of a batch together. Checked while the answer is written (`JSONOutput.limit`),
    /// so an answer that would be larger is cut off at the limit and replaced by
    /// `RPCError.responseTooLarge`, never built whole.
    /// `RPCServer` sets it from `RPCServerConfiguration.maxResponseLength`.
    public var maxResponseLength: Int
    /// Where each request is counted and timed (`record(to:)`); nil: only logged.
    public private(set) var requestMetrics: RPCRequestMetrics?
    let logger: Logger

    public init(methods: [RPCMethod], auth: RPCAuthConfiguration?, throttle: RPCAuthThrottle = RPCAuthThrottle(),
                maxResponseLength: Int = RPCDispatcher.defaultMaxResponseLength, requestMetrics: RPCRequestMetrics? = nil, logger: Logger) {
        self.methods = Dictionary(methods.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.auth = auth
        self.throttle = throttle
        self.maxResponseLength = maxResponseLength
        self.logger = logger
        record(to: requestMetrics)
    }

    /// Counts and times every request in `metrics` from now on (nil: stops).
    public mutating func record(to metrics: RPCRequestMetrics?) {
        requestMetrics = metrics
        for name in methods.keys { methods[name]?.instruments = metrics?.instruments(for: name) }
    }

    public var methodNames: [String] { (methods.keys + [Self.authenticateMethod]).sorted() }

    /// The one method the dispatcher answers itself, outside the method table.
    public static let authenticateMethod = "session.authenticate"

    /// A fresh session for a new connection from `peer` (its address, for the limits on wrong tokens).
    public func makeSession(peer: String? = nil) -> RPCSession { RPCSession(principal: auth == nil ? .local : nil, peer: peer) }

    /// What answering one frame takes.
    public enum Reply {
        /// Answered already (`written`: whether a response frame was appended; notifications get none).
        case answered(written: Bool)
        /// The payload calls a method that waits on the ledger: answer it with
        /// `respond(to:session:into:)` in a task, off the event loop.
        case deferred(JSONValue)
    }

    /// Answers one request frame now if every method it calls is synchronous, appending the
    /// response frame to `out`; otherwise hands back the parsed payload. Never blocks.
    public func respondNow(to frame: ByteBuffer, session: inout RPCSession, into out: inout ByteBuffer) -> Reply {
        var scratch = RPCScratch()
        return respondNow(to: frame, session: &session, into: &out, scratch: &scratch)
    }

    /// As `respondNow(to:session:into:)`, reading the request into `scratch`'s tape and
    /// writing the response's JSON in place in `out`: a connection keeps one scratch for all
    /// its requests.
    ///
    /// The frame is read once, into a token tape. A single request for a method with a direct
    /// body (`hazard.grade`) is answered from the tape; any other request, and any the direct
    /// body declines, is answered from the `JSONValue` tree built from the same tape.
    package func respondNow(to frame: ByteBuffer, session: inout RPCSession, into out: inout ByteBuffer, scratch: inout RPCScratch) -> Reply {
        var deferred: JSONValue?
        let before = out.writerIndex
        let written = RPCFrame.writeJSON(into: &out, expected: scratch.expectedResponse) { json in
            json.limit = maxResponseLength
            return frame.withUnsafeReadableBytes { raw in
                let document = raw.assumingMemoryBound(to: UInt8.self)
                do throws(JSONError) {
                    try JSONReader.read(document, into: &scratch.tape)
                } catch {
                    let start = NIODeadline.now()
                    let rpcError = Self.parseError(error)
                    Self.write(id: .null, error: rpcError, to: &json)
                    observe(RPCRequestLabel.invalid, instruments: nil, id: "null", since: start, error: rpcError)
                    return true
                }
                let start = json.mark
                if respondDirect(scratch.tape, document, session: session, writing: &json) {
                    guard json.isOverLimit else { return true }
                    // Too large: the general path answers with the error (grading has no side effects).
                    json.rewind(to: start)
                }
                let payload = scratch.tape.value(in: document)
                guard !needsTask(payload) else {
                    deferred = payload
                    return false
                }
                return respondNow(to: payload, session: &session, writing: &json)
            }
        }
        if let deferred { return .deferred(deferred) }
        // A rare large answer (a checklist's full text) does not make every later one reserve as much.
        if written { scratch.expectedResponse = min(out.writerIndex - before, RPCScratch.largestExpected) }
        return .answered(written: written)
    }

    /// Answers a payload `respondNow` deferred (or any payload), appending the response frame.
    public func respond(to payload: JSONValue, session: inout RPCSession, into out: inout ByteBuffer) async {
        var json = JSONOutput(capacity: 4096)
        json.limit = maxResponseLength
        if await respond(to: payload, session: &session, writing: &json) { RPCFrame.write(json, into: &out) }
    }

    /// Answers one request frame whatever its methods, appending the response frame (if any).
    public func respond(to frame: ByteBuffer, session: inout RPCSession, into out: inout ByteBuffer) async {
        switch respondNow(to: frame, session: &session, into: &out) {
        case .answered: return
        case .deferred(let payload): await respond(to: payload, session: &session, into: &out)
        }
    }

    /// The response to one request frame as a value, or nil for notifications (tests, tools).
    public func respond(to frame: ByteBuffer, session: inout RPCSession) async -> JSONValue? {
        var out = ByteBuffer()
        await respond(to: frame, session: &session, into: &out)
        return Self.payload(of: out)
    }

    /// The response to a parsed payload (request or batch), or nil for notifications.
    public func respond(to payload: JSONValue, session: inout RPCSession) async -> JSONValue? {
        var json = JSONOutput()
        json.limit = maxResponseLength
        guard await respond(to: payload, session: &session, writing: &json) else { return nil }
        return try? JSONReader.read(json.bytes)
    }

    private static func payload(of frame: ByteBuffer) -> JSONValue? {
        guard frame.readableBytes > 4 else { return nil }
        return frame.withUnsafeReadableBytes { raw in
            try? JSONReader.read(UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[4...]))
        }
    }

    private static func parseError(_ error: JSONError) -> RPCError {
        RPCError(.parseError, "parse error: \(error.message)", data: .object(["offset": .number(error.offset), "reason": .string(error.code.rawValue)]))
    }

    /// Whether the payload (or any request of a batch) names an asynchronous method, or is a
    /// batch too long to answer on the event loop (`maximumSynchronousBatch`).
    /// Malformed requests answer synchronously with their error.
    func needsTask(_ payload: JSONValue) -> Bool {
        func isAsync(_ request: JSONValue) -> Bool {
            guard let request = try? RPCRequest(request), let method = methods[request.method] else { return false }
            return !method.isSynchronous
        }
        if case .array(let items) = payload {
            return (items.count > Self.maximumSynchronousBatch && items.count <= Self.maximumBatch) || items.contains(where: isAsync)
        }
        return isAsync(payload)
    }

    // The synchronous and asynchronous paths below differ only in whether a method body is
    // awaited; both write responses in request order, notifications adding nothing. A batch
    // of notifications only gets no answer at all.

    //
    // Each answer is written under the writer's limit; one cut off by it is rewound and
    // replaced by `responseTooLarge` (`settle`). In a batch the limit is the batch's: once an
    // entry does not fit, the entries after it are not run (`spent`), which also bounds the
    // work a batch can ask for.

    func respondNow(to payload: JSONValue, session: inout RPCSession, writing out: inout JSONOutput) -> Bool {
        guard case .array(let items) = payload else {
            let start = out.mark
            return settle(payload, from: start, wrote: respondNow(toSingle: payload, session: &session, writing: &out), writing: &out).wrote
        }
        guard var inner = startBatch(items, writing: &out) else { return true }
        var any = false, spent = false
        for item in items {
            let wrote: Bool
            if spent {
                wrote = refuseOverBudget(item, writing: &inner)
            } else if session.shouldClose {
                wrote = Self.refuse(item, writing: &inner)
            } else {
                let start = inner.mark
                (wrote, spent) = settle(item, from: start, wrote: respondNow(toSingle: item, session: &session, writing: &inner), writing: &inner)
            }
            if wrote { any = true }
        }
        return endBatch(inner, any: any, writing: &out)
    }

    func respond(to payload: JSONValue, session: inout RPCSession, writing out: inout JSONOutput) async -> Bool {
        guard case .array(let items) = payload else {
            let start = out.mark
            return settle(payload, from: start, wrote: await respond(toSingle: payload, session: &session, writing: &out), writing: &out).wrote
        }
        guard var inner = startBatch(items, writing: &out) else { return true }
        var any = false, spent = false
        for item in items {
            let wrote: Bool
            if spent {
                wrote = refuseOverBudget(item, writing: &inner)
            } else if session.shouldClose {
                wrote = Self.refuse(item, writing: &inner)
            } else {
                let start = inner.mark
                (wrote, spent) = settle(item, from: start, wrote: await respond(toSingle: item, session: &session, writing: &inner), writing: &inner)
            }
            if wrote { any = true }
        }
        return endBatch(inner, any: any, writing: &out)
    }

    /// After `item` was answered into `out` from `start`: if its answer hit the limit, drops
    /// it and writes `responseTooLarge` (ran) for a request instead. `overflowed` tells a batch
    /// that its budget is spent.
    private func settle(_ item: JSONValue, from start: JSONOutput.Mark, wrote: Bool, writing out: inout JSONOutput) -> (wrote: Bool, overflowed: Bool) {
        guard out.isOverLimit else { return (wrote, false) }
        out.rewind(to: start)
        guard let id = (try? RPCRequest(item))?.id else { return (false, true) }
        logger.debug("rpc.response_too_large", metadata: ["rpc.id": "\(JSONWriter.string(id))", "rpc.limit": "\(maxResponseLength)"])
        let limit = maxResponseLength
        out.unlimited { Self.write(id: id, error: .responseTooLarge(limit: limit, ran: true), to: &$0) }
        return (true, true)
    }

    /// Answers a batch entry after the batch's response budget was spent: not run, and
    /// `responseTooLarge` (not ran) for a request, nothing for a notification.
    private func refuseOverBudget(_ item: JSONValue, writing out: inout JSONOutput) -> Bool {
        guard let request = try? RPCRequest(item), let id = request.id else { return false }
        let limit = maxResponseLength
        out.unlimited { Self.write(id: id, error: .responseTooLarge(limit: limit, ran: false), to: &$0) }
        return true
    }

    /// Answers a batch entry after the session reached the wrong-token limit: not run, and
    /// -32001 for a request (nothing for a notification or an entry without an id).
    private static func refuse(_ item: JSONValue, writing out: inout JSONOutput) -> Bool {
        guard let request = try? RPCRequest(item), let id = request.id else { return false }
        write(id: id, error: RPCError(.unauthenticated, "too many wrong tokens: the connection is closing and runs nothing more"), to: &out)
        return true
    }

    /// The writer for a batch's responses, or nil when the batch itself is wrong (empty, too
    /// long) and that error is written instead.
    private func startBatch(_ items: [JSONValue], writing out: inout JSONOutput) -> JSONOutput? {
        let error: RPCError
        if items.isEmpty {
            error = RPCError(.invalidRequest, "empty batch")
        } else if items.count > Self.maximumBatch {
            error = RPCError(.invalidRequest, "batch of \(items.count) requests; at most \(Self.maximumBatch)")
        } else {
            var inner = JSONOutput(capacity: 1024)
            // The whole batch shares one budget: its array's brackets and what is already in `out`.
            inner.limit = maxResponseLength - out.byteCount - 2
            inner.beginArray()
            return inner
        }
        Self.write(id: .null, error: error, to: &out)
        return nil
    }

    /// Closes a batch's array and writes it; false when it answered nothing (all notifications).
    private func endBatch(_ inner: consuming JSONOutput, any: Bool, writing out: inout JSONOutput) -> Bool {
        guard any else { return false }
        // Errors that replaced entries past the budget are written beyond it, so the close
        // bracket and the splice into `out` are too (each is a small object, bounded by its id).
        inner.unlimited { $0.endArray() }
        out.unlimited { $0.value(RawJSON(bytes: inner.bytes)) }
        return true
    }

    private func respondNow(toSingle value: JSONValue, session: inout RPCSession, writing out: inout JSONOutput) -> Bool {
        let start = NIODeadline.now()
        guard let (request, call) = begin(value, session: &session, writing: &out, since: start) else { return true }
        let result: Result<any JSONEncodable, RPCError>
        switch call {
        case .done(let done): result = done
        case .waiting(let method, _, _):
            // `needsTask` sends these to the task path; reaching here is a dispatcher bug.
            result = .failure(RPCError(.internalError, "method \(method.name) cannot run on the event loop"))
        }
        return finish(request, result, since: start, writing: &out)
    }

    private func respond(toSingle value: JSONValue, session: inout RPCSession, writing out: inout JSONOutput) async -> Bool {
        let start = NIODeadline.now()
        guard let (request, call) = begin(value, session: &session, writing: &out, since: start) else { return true }
        let result: Result<any JSONEncodable, RPCError>
        switch call {
        case .done(let done): result = done
        case .waiting(let method, let body, var params):
            do {
                result = .success(try await body(&params, method.principal))
            } catch {
                result = .failure(map(error, method: method.name))
            }
        }
        return finish(request, result, since: start, writing: &out)
    }

    /// Writes a request's response and records it (log, metrics). An answer past the response
    /// limit is recorded as the `-32013` that `settle` will put in its place.
    private func finish(_ request: RPCRequest, _ result: Result<any JSONEncodable, RPCError>, since start: NIODeadline, writing out: inout JSONOutput) -> Bool {
        let wrote = Self.write(result, id: request.id, to: &out)
        var error: RPCError?
        if case .failure(let failure) = result { error = failure }
        if out.isOverLimit { error = .responseTooLarge(limit: maxResponseLength, ran: true) }
        observe(request.method, instruments: methods[request.method]?.instruments, id: request.id.map(JSONWriter.string) ?? "none",
                since: start, error: error)
        return wrote
    }

    /// Reads the envelope and starts the request; nil when the envelope is wrong (its error
    /// is written and recorded).
    private func begin(_ value: JSONValue, session: inout RPCSession, writing out: inout JSONOutput, since began: NIODeadline) -> (RPCRequest, Call)? {
        do {
            let request = try RPCRequest(value)
            return (request, start(request, session: &session))
        } catch {
            Self.write(id: error.id, error: error.error, to: &out)
            observe(RPCRequestLabel.invalid, instruments: nil, id: JSONWriter.string(error.id), since: began, error: error.error)
            return nil
        }
    }

    /// Writes a request's response; false for a notification (no id), which gets none.
    private static func write(_ result: Result<any JSONEncodable, RPCError>, id: JSONValue?, to out: inout JSONOutput) -> Bool {
        guard let id else { return false }
        switch result {
        case .success(let value):
            out.beginObject()
            out.field("jsonrpc", "2.0")
            out.key("id")
            id.write(to: &out)
            out.key("result")
            out.value(any: value)
            out.endObject()
        case .failure(let error):
            write(id: id, error: error, to: &out)
        }
        return true
    }

    static func write(id: JSONValue, error: RPCError, to out: inout JSONOutput) {
        RPCResponse.failure(id: id, error: error).write(to: &out)
    }

    /// A request past authentication and authorisation whose body must be awaited.
    private struct Waiting {
        var name: String
        var principal: RPCPrincipal
    }

    private enum Call {
        case done(Result<any JSONEncodable, RPCError>)
        case waiting(Waiting, RPCMethod.AsyncBody, RPCParams)
    }

    /// Authenticates and authorises `request` and runs it if it is synchronous.
    private func start(_ request: RPCRequest, session: inout RPCSession) -> Call {
        if request.method == Self.authenticateMethod { return .done(authenticate(request, session: &session)) }
        guard let method = methods[request.method] else {
            return .done(.failure(RPCError(.methodNotFound, "no method '\(request.method)'", data: .object(["method": .string(request.method)]))))
        }
        let principal: RPCPrincipal
        switch Self.principal(for: method, session: session) {
        case .success(let found): principal = found
        case .failure(let error): return .done(.failure(error))
        }
        var params = RPCParams(request.params)
        switch method.body {
        case .sync(let body):
            do {
                return .done(.success(try body(&params, principal)))
            } catch {
                return .done(.failure(map(error, method: method.name)))
            }
        case .async(let body):
            return .waiting(Waiting(name: method.name, principal: principal), body, params)
        }
    }

    /// Who calls `method` in `session`: its authenticated principal, an anonymous reader for
    /// a public method before authentication, or the error when that one may not call it.
    static func principal(for method: RPCMethod, session: RPCSession) -> Result<RPCPrincipal, RPCError> {
        let principal: RPCPrincipal
        if let current = session.principal {
            principal = current
        } else if method.isPublic {
            principal = RPCPrincipal(name: "anonymous", role: .reader, sectors: [], regions: [])
        } else {
            return .failure(RPCError(.unauthenticated, "call session.authenticate first"))
        }
        do throws(RPCError) {
            try principal.require(method.role, for: method.name)
        } catch {
            return .failure(error)
        }
        return .success(principal)
    }

    private func map(_ error: any Error, method: String) -> RPCError {
        // Errors that know their form are recorded with the request (`observe`).
        if let error = error as? any RPCErrorConvertible { return error.rpcError }
        logger.error("rpc.internal_error", metadata: ["rpc.method": "\(method)", "error": "\(String(reflecting: error))"])
        return RPCError(.internalError, "internal error")
    }

    private func authenticate(_ request: RPCRequest, session: inout RPCSession) -> Result<any JSONEncodable, RPCError> {
        var params = RPCParams(request.params)
        let token: String
        do throws(RPCError) {
            token = try params.string("token")
            try params.finish()
        } catch {
            return .failure(error)
        }
        guard let auth else {
            session.principal = .local
            return .success(Self.authResult(.local, auth: false))
        }
        // A failed attempt leaves the connection unauthenticated: it never keeps an earlier principal.
        let address = session.peer ?? "unknown"
        if let wait = throttle.retryAfter(address) {
            session.principal = nil
            countFailure(&session)
            logger.notice("rpc.auth_throttled", metadata: ["connection.peer": "\(address)", "rpc.failures": "\(session.failedAuthentications)"])
            // Whole seconds, rounded up, so a client that waits that long is let through.
            let seconds = max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
            return .failure(RPCError(.unauthenticated, "too many wrong tokens from this address or server-wide; try again in \(seconds) s",
                                     data: .object(["retry_after_seconds": .number(seconds)])))
        }
        guard let principal = auth.principal(token: token) else {
            session.principal = nil
            countFailure(&session)
            throttle.recordFailure(address)
            logger.notice("rpc.auth_failed", metadata: ["connection.peer": "\(address)", "rpc.failures": "\(session.failedAuthentications)"])
            return .failure(RPCError(.unauthenticated, "unknown token"))
        }
        session.principal = principal
        return .success(Self.authResult(principal, auth: true))
    }

    private func countFailure(_ session: inout RPCSession) {
        session.failedAuthentications += 1
        if session.failedAuthentications >= RPCSession.maximumFailedAuthentications { session.shouldClose = true }
    }

    private static func authResult(_ principal: RPCPrincipal, auth: Bool) -> JSONValue {
        guard case .object(var members) = principal.jsonValue else { return .null }
        members.insert(JSONMember(key: "auth", value: .bool(auth)), at: 0)
        return .object(members)
    }
}

/// Already-written JSON text spliced in as one value.
struct RawJSON: JSONEncodable {
    var bytes: [UInt8]
    func write(to out: inout JSONOutput) { out.raw(bytes) }
}
