/// One callable method: its name, the least role that may call it, and its body.
public struct RPCMethod: Sendable {
    public typealias Body = @Sendable (_ params: inout RPCParams, _ principal: RPCPrincipal) async throws -> any JSONEncodable

    public var name: String
    public var role: RPCRole
    /// Whether it may be called before `session.authenticate` on a server with tokens.
    public var isPublic: Bool
    public var body: Body

    public init(_ name: String, role: RPCRole, isPublic: Bool = false, body: @escaping Body) {
        self.name = name
        self.role = role
        self.isPublic = isPublic
        self.body = body
    }
}
