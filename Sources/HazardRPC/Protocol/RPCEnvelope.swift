import HazardJSON

/// The JSON-RPC 2.0 envelope rules, written once for both forms a request is read in: the
/// `JSONValue` tree the general path answers from (`RPCRequest`) and the token tape the
/// direct path answers from (`RPCDispatcher.respondDirect`). The first of each member counts,
/// as in every lookup of a JSON object here; unknown members are ignored.
struct RPCEnvelope<Node> {
    typealias Member = RPCEnvelopeMember
    typealias Kind = RPCEnvelopeKind

    /// The `id` member; nil for a notification (a present `null` is an id).
    var id: Node?
    /// A string.
    var method: Node
    /// An object; nil when absent (read as `{}`).
    var params: Node?

    /// - Parameters:
    ///   - members: the request object's members, in document order.
    ///   - isVersion: whether a value is the string `"2.0"`.
    ///   - echo: a value (a string or number id) as the id to answer an error under.
    /// - Throws: -32600 (not a request) or -32602 (params not an object), under the id
    ///   read when one could be.
    @inline(__always)
    init(members: some Sequence<(Member, Node)>, kind: (Node) -> Kind, isVersion: (Node) -> Bool,
         echo: (Node) -> JSONValue) throws(RPCEnvelopeError) {
        var id: Node?, method: Node?, params: Node?, version: Node?
        for (member, value) in members {
            switch member {
            case .id: if id == nil { id = value }
            case .method: if method == nil { method = value }
            case .params: if params == nil { params = value }
            case .jsonrpc: if version == nil { version = value }
            case .other: break
            }
        }
        var echoID = JSONValue.null
        if let id {
            switch kind(id) {
            case .null: break
            case .string, .number: echoID = echo(id)
            case .object, .other:
                throw RPCEnvelopeError(id: .null, error: RPCError(.invalidRequest, "id must be a string, a number or null"))
            }
        }
        guard let version, isVersion(version) else {
            throw RPCEnvelopeError(id: echoID, error: RPCError(.invalidRequest, "jsonrpc must be \"2.0\""))
        }
        guard let method, kind(method) == .string else {
            throw RPCEnvelopeError(id: echoID, error: RPCError(.invalidRequest, "method must be a string"))
        }
        if let params, kind(params) != .object {
            throw RPCEnvelopeError(id: echoID, error: .invalidParams("params must be an object of named parameters", field: "params", expected: "object"))
        }
        self.id = id
        self.method = method
        self.params = params
    }

    /// The error for a request that is not an object at all (`typeName`: what it is).
    static func notAnObject(_ typeName: String) -> RPCEnvelopeError {
        RPCEnvelopeError(id: .null, error: RPCError(.invalidRequest, "a request must be a JSON object, not \(typeName)"))
    }
}

extension RPCEnvelope<JSONValue> {
    /// The envelope of a request tree.
    init(_ value: JSONValue) throws(RPCEnvelopeError) {
        guard case .object(let members) = value else { throw Self.notAnObject(value.typeName) }
        try self.init(members: members.lazy.map { (Member($0.key), $0.value) }, kind: Self.kind,
                      isVersion: { $0 == .string("2.0") }, echo: { $0 })
    }

    private static func kind(_ value: JSONValue) -> Kind {
        switch value {
        case .null: .null
        case .string: .string
        case .number: .number
        case .object: .object
        case .bool, .array: .other
        }
    }
}

extension RPCEnvelope<Int> {
    /// The envelope of the request at `token` of a tape, reading member names in place (an
    /// escaped name, rare, is decoded to compare).
    @inline(__always)
    init(_ tape: JSONTape, _ token: Int, in document: UnsafeBufferPointer<UInt8>) throws(RPCEnvelopeError) {
        guard tape.kind(token) == .object else { throw Self.notAnObject(tape.value(token, in: document).typeName) }
        try self.init(members: tape.members(token).lazy.map { (Self.member(tape, $0.name, document), $0.value) },
                      kind: { Self.kind(tape.kind($0)) },
                      isVersion: { tape.kind($0) == .escapedString ? tape.string($0, in: document) == "2.0" : tape.isString($0, "2.0", in: document) },
                      echo: { tape.value($0, in: document) })
    }

    @inline(__always)
    private static func member(_ tape: JSONTape, _ name: Int, _ document: UnsafeBufferPointer<UInt8>) -> Member {
        if tape.kind(name) == .escapedString { return Member(tape.string(name, in: document)) }
        if tape.isString(name, "id", in: document) { return .id }
        if tape.isString(name, "method", in: document) { return .method }
        if tape.isString(name, "params", in: document) { return .params }
        if tape.isString(name, "jsonrpc", in: document) { return .jsonrpc }
        return .other
    }

    private static func kind(_ kind: JSONTape.Kind) -> Kind {
        switch kind {
        case .null: .null
        case .string, .escapedString: .string
        case .number: .number
        case .object: .object
        case .false, .true, .array: .other
        }
    }
}

/// What an object member's name is to the envelope.
enum RPCEnvelopeMember {
    case id, method, params, jsonrpc, other

    init(_ name: String) {
        switch name {
        case "id": self = .id
        case "method": self = .method
        case "params": self = .params
        case "jsonrpc": self = .jsonrpc
        default: self = .other
        }
    }
}

/// What the envelope rules need to know of a member's value.
enum RPCEnvelopeKind { case null, string, number, object, other }
