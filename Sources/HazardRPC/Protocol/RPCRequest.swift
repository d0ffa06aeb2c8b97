public import HazardJSON

/// One JSON-RPC 2.0 request or notification, checked against the envelope rules.
public struct RPCRequest: Sendable, Hashable {
    /// The id to echo; nil for a notification (no `id` member at all).
    public var id: JSONValue?
    public var method: String
    /// Always an object (`{}` when absent).
    public var params: JSONValue

    public var isNotification: Bool { id == nil }

    public init(id: JSONValue?, method: String, params: JSONValue = .object([])) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// Reads the envelope.
    ///
    /// - Throws: `RPCError` -32600 (not a request) or -32602 (params not an object); the
    ///   error's id is the request's when one could be read.
    public init(_ value: JSONValue) throws(RPCEnvelopeError) {
        guard case .object(let members) = value else {
            throw RPCEnvelopeError(id: .null, error: RPCError(.invalidRequest, "a request must be a JSON object, not \(value.typeName)"))
        }
        var id: JSONValue?
        var method: JSONValue?
        var params: JSONValue?
        var version: JSONValue?
        for member in members {
            switch member.key {
            case "id" where id == nil: id = member.value
            case "method" where method == nil: method = member.value
            case "params" where params == nil: params = member.value
            case "jsonrpc" where version == nil: version = member.value
            default: break
            }
        }
        let echoID: JSONValue
        switch id {
        case nil, .null?: echoID = .null
        case .string?, .number?: echoID = id ?? .null
        default:
            throw RPCEnvelopeError(id: .null, error: RPCError(.invalidRequest, "id must be a string, a number or null"))
        }
        guard version == .string("2.0") else {
            throw RPCEnvelopeError(id: echoID, error: RPCError(.invalidRequest, "jsonrpc must be \"2.0\""))
        }
        guard case .string(let name)? = method else {
            throw RPCEnvelopeError(id: echoID, error: RPCError(.invalidRequest, "method must be a string"))
        }
        switch params {
        case nil: params = .object([])
        case .object?: break
        default:
            throw RPCEnvelopeError(id: echoID, error: .invalidParams("params must be an object of named parameters", field: "params", expected: "object"))
        }
        self.id = id
        self.method = name
        self.params = params ?? .object([])
    }
}

/// An envelope that could not be read, with the id to answer it under.
public struct RPCEnvelopeError: Error, Sendable {
    public var id: JSONValue
    public var error: RPCError
}
