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

    public var name: String
    public var role: RPCRole
    /// Whether it may be called before `session.authenticate` on a server with tokens.
    public var isPublic: Bool
    public var body: Body

    /// A method that may wait (on the ledger); run in a task, never on an event loop.
    public init(_ name: String, role: RPCRole, isPublic: Bool = false, body: @escaping AsyncBody) {
        self.init(name, role: role, isPublic: isPublic, body: .async(body))
    }

    /// A method that only computes; cheap enough to answer on the event loop.
    public init(_ name: String, role: RPCRole, isPublic: Bool = false, sync body: @escaping SyncBody) {
        self.init(name, role: role, isPublic: isPublic, body: .sync(body))
    }

    public init(_ name: String, role: RPCRole, isPublic: Bool, body: Body) {
        self.name = name
        self.role = role
        self.isPublic = isPublic
        self.body = body
    }

    public var isSynchronous: Bool {
        if case .sync = body { return true }
        return false
    }
}
