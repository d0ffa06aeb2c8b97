public import Logging
public import NIOCore

/// Turns request frames into response frames: parses the payload, checks the JSON-RPC
/// envelope, authenticates, authorises by role, runs the method and maps errors to codes.
/// Stateless apart from the `RPCSession` the connection passes in; shared by all connections.
public struct RPCDispatcher: Sendable {
    public static let maximumBatch = 1_000

    public let methods: [String: RPCMethod]
    /// nil: no token file, every connection is `RPCPrincipal.local`.
    public let auth: RPCAuthConfiguration?
    let logger: Logger

    public init(methods: [RPCMethod], auth: RPCAuthConfiguration?, logger: Logger) {
        self.methods = Dictionary(methods.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.auth = auth
        self.logger = logger
    }

    public var methodNames: [String] { (methods.keys + ["session.authenticate"]).sorted() }

    /// A fresh session for a new connection.
    public func makeSession() -> RPCSession { RPCSession(principal: auth == nil ? .local : nil) }

    /// Answers one request frame, appending the response frame (if any: notifications get
    /// none) to `out`.
    public func respond(to frame: ByteBuffer, session: inout RPCSession, into out: inout ByteBuffer) async {
        var json = JSONOutput(capacity: 4096)
        if await respond(to: frame, session: &session, writing: &json) { RPCFrame.write(json.bytes, into: &out) }
    }

    /// The response to one request frame as a value, or nil for notifications (tests, tools).
    public func respond(to frame: ByteBuffer, session: inout RPCSession) async -> JSONValue? {
        var json = JSONOutput()
        guard await respond(to: frame, session: &session, writing: &json) else { return nil }
        return try? JSONReader.read(json.bytes)
    }

    /// The response to a parsed payload (request or batch), or nil for notifications.
    public func respond(to payload: JSONValue, session: inout RPCSession) async -> JSONValue? {
        var json = JSONOutput()
        guard await respond(to: payload, session: &session, writing: &json) else { return nil }
        return try? JSONReader.read(json.bytes)
    }

    /// Writes the response to one frame; false when there is none.
    func respond(to frame: ByteBuffer, session: inout RPCSession, writing out: inout JSONOutput) async -> Bool {
        let parsed: Result<JSONValue, JSONError> = frame.withUnsafeReadableBytes { raw in
            do throws(JSONError) { return .success(try JSONReader.read(raw.assumingMemoryBound(to: UInt8.self))) } catch { return .failure(error) }
        }
        switch parsed {
        case .failure(let error):
            logger.debug("rpc.parse_error", metadata: ["rpc.offset": "\(error.offset)"])
            Self.write(id: .null, error: RPCError(.parseError, "parse error: \(error.message)",
                                                  data: .object(["offset": .number(error.offset), "reason": .string(error.code.rawValue)])), to: &out)
            return true
        case .success(let value):
            return await respond(to: value, session: &session, writing: &out)
        }
    }

    func respond(to payload: JSONValue, session: inout RPCSession, writing out: inout JSONOutput) async -> Bool {
        guard case .array(let items) = payload else { return await respond(toSingle: payload, session: &session, writing: &out) }
        guard !items.isEmpty else {
            Self.write(id: .null, error: RPCError(.invalidRequest, "empty batch"), to: &out)
            return true
        }
        guard items.count <= Self.maximumBatch else {
            Self.write(id: .null, error: RPCError(.invalidRequest, "batch of \(items.count) requests; at most \(Self.maximumBatch)"), to: &out)
            return true
        }
        // Responses are written into a nested array; notifications add nothing. A batch of
        // notifications only gets no answer at all.
        var inner = JSONOutput(capacity: 1024)
        inner.beginArray()
        var any = false
        for item in items where await respond(toSingle: item, session: &session, writing: &inner) { any = true }
        inner.endArray()
        guard any else { return false }
        out.value(RawJSON(bytes: inner.bytes))
        return true
    }

    private func respond(toSingle value: JSONValue, session: inout RPCSession, writing out: inout JSONOutput) async -> Bool {
        let request: RPCRequest
        do {
            request = try RPCRequest(value)
        } catch {
            Self.write(id: error.id, error: error.error, to: &out)
            return true
        }
        let result = await run(request, session: &session)
        guard let id = request.id else { return false }
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
            Self.write(id: id, error: error, to: &out)
        }
        return true
    }

    static func write(id: JSONValue, error: RPCError, to out: inout JSONOutput) {
        RPCResponse.failure(id: id, error: error).write(to: &out)
    }

    private func run(_ request: RPCRequest, session: inout RPCSession) async -> Result<any JSONEncodable, RPCError> {
        if request.method == "session.authenticate" { return authenticate(request, session: &session) }
        guard let method = methods[request.method] else {
            return .failure(RPCError(.methodNotFound, "no method '\(request.method)'", data: .object(["method": .string(request.method)])))
        }
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
        var params = RPCParams(request.params)
        do {
            let value = try await method.body(&params, principal)
            return .success(value)
        } catch let error as any RPCErrorConvertible {
            logger.debug("rpc.error", metadata: ["rpc.method": "\(request.method)", "rpc.code": "\(error.rpcError.code)"])
            return .failure(error.rpcError)
        } catch {
            logger.error("rpc.internal_error", metadata: ["rpc.method": "\(request.method)", "error": "\(String(reflecting: error))"])
            return .failure(RPCError(.internalError, "internal error"))
        }
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
        guard let principal = auth.principal(token: token) else {
            session.failedAuthentications += 1
            if session.failedAuthentications >= RPCSession.maximumFailedAuthentications { session.shouldClose = true }
            logger.debug("rpc.auth_failed", metadata: ["rpc.failures": "\(session.failedAuthentications)"])
            return .failure(RPCError(.unauthenticated, "unknown token"))
        }
        session.principal = principal
        return .success(Self.authResult(principal, auth: true))
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
