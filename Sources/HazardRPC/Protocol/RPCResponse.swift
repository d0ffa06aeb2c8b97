public import HazardJSON

/// Building JSON-RPC 2.0 response objects.
public enum RPCResponse {
    public static func success(id: JSONValue, result: JSONValue) -> JSONValue {
        .object([JSONMember(key: "jsonrpc", value: .string("2.0")), JSONMember(key: "id", value: id), JSONMember(key: "result", value: result)])
    }

    public static func failure(id: JSONValue, error: RPCError) -> JSONValue {
        .object([JSONMember(key: "jsonrpc", value: .string("2.0")), JSONMember(key: "id", value: id), JSONMember(key: "error", value: error.jsonValue)])
    }

    /// A request object, as clients send it.
    public static func request(id: JSONValue?, method: String, params: JSONValue) -> JSONValue {
        var members = [JSONMember(key: "jsonrpc", value: .string("2.0"))]
        if let id { members.append(JSONMember(key: "id", value: id)) }
        members.append(JSONMember(key: "method", value: .string(method)))
        members.append(JSONMember(key: "params", value: params))
        return .object(members)
    }
}
