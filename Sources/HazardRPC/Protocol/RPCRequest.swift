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

    /// Reads the envelope (`RPCEnvelope`'s rules).
    ///
    /// - Throws: `RPCError` -32600 (not a request) or -32602 (params not an object); the
    ///   error's id is the request's when one could be read.
    public init(_ value: JSONValue) throws(RPCEnvelopeError) {
        let envelope = try RPCEnvelope(value)
        guard case .string(let name) = envelope.method else {
            // `RPCEnvelope` has checked it is a string.
            throw RPCEnvelopeError(id: .null, error: RPCError(.invalidRequest, "method must be a string"))
        }
        self.init(id: envelope.id, method: name, params: envelope.params ?? .object([]))
    }
}

/// An envelope that could not be read, with the id to answer it under.
public struct RPCEnvelopeError: Error, Sendable {
    public var id: JSONValue
    public var error: RPCError
}
