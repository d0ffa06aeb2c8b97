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
        if let response = await respond(to: frame, session: &session) { RPCFrame.write(response, into: &out) }
    }

    /// The response to one request frame, or nil for notifications.
    public func respond(to frame: ByteBuffer, session: inout RPCSession) async -> JSONValue? {
        let parsed: Result<JSONValue, JSONError> = frame.withUnsafeReadableBytes { raw in
            do throws(JSONError) { return .success(try JSONReader.read(raw.assumingMemoryBound(to: UInt8.self))) } catch { return .failure(error) }
        }
        switch parsed {
        case .failure(let error):
            logger.debug("rpc.parse_error", metadata: ["rpc.offset": "\(error.offset)"])
            return RPCResponse.failure(id: .null, error: RPCError(.parseError, "parse error: \(error.message)",
                                                                  data: .object(["offset": .number(error.offset), "reason": .string(error.code.rawValue)])))
        case .success(let value):
            return await respond(to: value, session: &session)
        }
    }

    /// The response to a parsed payload (request or batch).
    public func respond(to payload: JSONValue, session: inout RPCSession) async -> JSONValue? {
        guard case .array(let items) = payload else { return await respond(toSingle: payload, session: &session) }
        guard !items.isEmpty else { return RPCResponse.failure(id: .null, error: RPCError(.invalidRequest, "empty batch")) }
        guard items.count <= Self.maximumBatch else {
            return RPCResponse.failure(id: .null, error: RPCError(.invalidRequest, "batch of \(items.count) requests; at most \(Self.maximumBatch)"))
        }
        var responses: [JSONValue] = []
        for item in items {
            if let response = await respond(toSingle: item, session: &session) { responses.append(response) }
        }
        return responses.isEmpty ? nil : .array(responses)
    }

    private func respond(toSingle value: JSONValue, session: inout RPCSession) async -> JSONValue? {
        let request: RPCRequest
        do {
            request = try RPCRequest(value)
        } catch {
            return RPCResponse.failure(id: error.id, error: error.error)
        }
        let result: Result<JSONValue, RPCError> = await run(request, session: &session)
        guard let id = request.id else { return nil }
        switch result {
        case .success(let value): return RPCResponse.success(id: id, result: value)
        case .failure(let error): return RPCResponse.failure(id: id, error: error)
        }
    }

    private func run(_ request: RPCRequest, session: inout RPCSession) async -> Result<JSONValue, RPCError> {
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

    private func authenticate(_ request: RPCRequest, session: inout RPCSession) -> Result<JSONValue, RPCError> {
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
