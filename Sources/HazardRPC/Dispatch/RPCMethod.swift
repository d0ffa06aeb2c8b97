public import HazardJSON
import HazardCoreJSON

/// One callable method: its name, the least role that may call it, and its body.
///
/// A body is either synchronous — engine-only work of a few microseconds, answered on the
/// connection's event loop without a task hop — or asynchronous (anything touching the
/// ledger), which the connection runs off the event loop in a task.
public struct RPCMethod: Sendable {
    public typealias AsyncBody = @Sendable (_ params: inout RPCParams, _ principal: RPCPrincipal) async throws -> any JSONEncodable
    public typealias SyncBody = @Sendable (_ params: inout RPCParams, _ principal: RPCPrincipal) throws -> any JSONEncodable

    public enum Body: Sendable {
        case sync(SyncBody)
        case async(AsyncBody)
    }

    /// Answers straight from the request's token tape, for the hottest methods: the params
    /// object's token (nil when absent) in `tape`, which indexes `document`. Returns nil to
    /// hand the request to `body`, which also words every error; so it answers only what it
    /// answers exactly as `body` would. See `RPCDispatcher.respondDirect`. The grading fast path's
    /// own plumbing: `package`, not part of what a library user builds methods from.
    package typealias DirectBody = @Sendable (_ tape: JSONTape, _ params: Int?, _ document: UnsafeBufferPointer<UInt8>, _ principal: RPCPrincipal) -> (any JSONEncodable)?

    public var name: String
    public var role: RPCRole
    /// Whether it may be called before `session.authenticate` on a server with tokens.
    public var isPublic: Bool
    public var body: Body
    package var direct: DirectBody?
    /// Its counters and histogram, set by the dispatcher when metrics are on.
    var instruments: RPCMethodInstruments?

    /// A method that may wait (on the ledger); run in a task, never on an event loop.
    public init(_ name: String, role: RPCRole, isPublic: Bool = false, body: @escaping AsyncBody) {
        self.init(name, role: role, isPublic: isPublic, body: .async(body))
    }

    /// A method that only computes; cheap enough to answer on the event loop.
    public init(_ name: String, role: RPCRole, isPublic: Bool = false, sync body: @escaping SyncBody) {
        self.init(name, role: role, isPublic: isPublic, body: .sync(body), direct: nil)
    }

    /// The same with a fast path that answers from the request's tape (`hazard.grade`).
    package init(_ name: String, role: RPCRole, isPublic: Bool = false, sync body: @escaping SyncBody, direct: DirectBody?) {
        self.init(name, role: role, isPublic: isPublic, body: .sync(body), direct: direct)
    }

    public init(_ name: String, role: RPCRole, isPublic: Bool, body: Body) {
        self.init(name, role: role, isPublic: isPublic, body: body, direct: nil)
    }

    package init(_ name: String, role: RPCRole, isPublic: Bool, body: Body, direct: DirectBody?) {
        self.name = name
        self.role = role
        self.isPublic = isPublic
        self.body = body
        self.direct = direct
    }

    public var isSynchronous: Bool {
        if case .sync = body { return true }
        return false
    }
}
