public import HazardJSON
import HazardCoreJSON
import NIOCore

extension RPCDispatcher {
    /// Answers a single request straight from its token tape when its method has a direct
    /// body, writing the whole response to `out`; false when it is left to the general path,
    /// with nothing written.
    ///
    /// Only a plain, valid envelope is answered here: an object whose `jsonrpc`, `id` (a
    /// number or a string), `method` and `params` (an object, or absent) are what
    /// `RPCRequest` accepts, no member name escaped, for a method the session may call.
    /// Everything else — batches, notifications, errors of every kind — takes the general
    /// path, which words them. The direct body in turn declines whatever it would not answer
    /// exactly as its general body does, so a response never depends on the path it took.
    func respondDirect(_ tape: JSONTape, _ document: UnsafeBufferPointer<UInt8>, session: RPCSession, writing out: inout JSONOutput) -> Bool {
        let root = JSONTape.root
        guard !tape.isEmpty, tape.kind(root) == .object else { return false }
        // The first of each member counts, as in `RPCRequest`.
        var id = -1, method = -1, params = -1, version = -1
        for (name, value) in tape.members(root) {
            guard tape.kind(name) == .string else { return false }
            if tape.isString(name, "id", in: document) {
                if id < 0 { id = value }
            } else if tape.isString(name, "method", in: document) {
                if method < 0 { method = value }
            } else if tape.isString(name, "params", in: document) {
                if params < 0 { params = value }
            } else if tape.isString(name, "jsonrpc", in: document) {
                if version < 0 { version = value }
            }
        }
        guard version >= 0, tape.isString(version, "2.0", in: document),
              method >= 0, tape.kind(method) == .string,
              id >= 0, tape.kind(id) == .number || tape.kind(id) == .string,
              params < 0 || tape.kind(params) == .object else { return false }
        let start = NIODeadline.now()
        let name = String(decoding: tape.bytes(method, in: document), as: UTF8.self)
        guard let found = methods[name], let direct = found.direct,
              case .success(let principal) = Self.principal(for: found, session: session),
              let result = direct(tape, params < 0 ? nil : params, document, principal) else { return false }
        out.beginObject()
        out.field("jsonrpc", "2.0")
        out.key("id")
        // The id as it was written: a number's text, or a string with nothing to escape.
        if tape.kind(id) == .number {
            out.raw(tape.bytes(id, in: document))
        } else {
            out.rawString(tape.bytes(id, in: document))
        }
        out.key("result")
        out.value(any: result)
        out.endObject()
        // Past the limit, the caller rewinds and the general path answers (and records) it.
        if !out.isOverLimit {
            observe(name, instruments: found.instruments, id: Self.idText(tape, id, document), since: start, error: nil)
        }
        return true
    }

    /// The id as a log shows it: a number's text, a string quoted.
    private static func idText(_ tape: JSONTape, _ id: Int, _ document: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: tape.bytes(id, in: document), as: UTF8.self)
        return tape.kind(id) == .number ? text : "\"" + text + "\""
    }
}
