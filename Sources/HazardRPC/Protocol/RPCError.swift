public import HazardJSON

/// A JSON-RPC error object as it goes on the wire: a code from `rpc/PROTOCOL.md`, a message
/// for people and optional structured `data`.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public init(_ code: RPCErrorCode, _ message: String, data: JSONValue? = nil) {
        self.init(code: code.rawValue, message: message, data: data)
    }

    public var knownCode: RPCErrorCode? { RPCErrorCode(rawValue: code) }

    public var description: String { "RPC error \(code): \(message)" + (data.map { " " + JSONWriter.string($0) } ?? "") }

    public var jsonValue: JSONValue {
        var members = [JSONMember(key: "code", value: .number(code)), JSONMember(key: "message", value: .string(message))]
        if let data { members.append(JSONMember(key: "data", value: data)) }
        return .object(members)
    }

    // MARK: Common errors

    public static func invalidParams(_ message: String, field: String, expected: String? = nil) -> RPCError {
        var data: [JSONMember] = [JSONMember(key: "field", value: .string(field))]
        if let expected { data.append(JSONMember(key: "expected", value: .string(expected))) }
        return RPCError(.invalidParams, message, data: .object(data))
    }

    /// The answer to a request did not fit in the response budget (`max_response`, for one
    /// response or for all the responses of a batch together). `ran` tells whether the
    /// request was executed (its answer was too large) or not run at all (the batch's budget
    /// was spent by the entries before it).
    public static func responseTooLarge(limit: Int, ran: Bool) -> RPCError {
        RPCError(.responseTooLarge,
                 ran ? "the answer passes the response limit of \(limit) bytes; ask for less (a smaller limit, fewer batch entries)"
                     : "not run: the batch's answers already fill the response limit of \(limit) bytes",
                 data: .object(["limit": .number(limit), "ran": .bool(ran)]))
    }

    /// A request carried or asked for more than a limit allows (`field` names where).
    public static func limitExceeded(_ message: String, field: String, limit: Int) -> RPCError {
        RPCError(.limitExceeded, message, data: .object(["field": .string(field), "limit": .number(limit)]))
    }

    /// -32005 with one issue: a value the ledger refuses (`code` as listed in PROTOCOL §3),
    /// `path` the member it came from when the refusal is the RPC's own.
    public static func validationFailed(_ message: String, code: String, path: String? = nil) -> RPCError {
        var issue: [JSONMember] = [JSONMember(key: "code", value: .string(code))]
        if let path { issue.append(JSONMember(key: "path", value: .string(path))) }
        issue.append(JSONMember(key: "message", value: .string(message)))
        return RPCError(.validationFailed, message, data: .object(["issues": .array([.object(issue)])]))
    }

    public static func notFound(_ kind: String, _ id: String) -> RPCError {
        RPCError(.notFound, "no \(kind) '\(id)'", data: .object(["kind": .string(kind), "id": .string(id)]))
    }
}

/// Errors that know their JSON-RPC form. Anything else thrown by a method becomes -32603
/// without details (and is logged).
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

extension RPCError: RPCErrorConvertible {
    public var rpcError: RPCError { self }
}
