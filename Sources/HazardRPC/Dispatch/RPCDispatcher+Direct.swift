import HazardJSON
import HazardCoreJSON
import NIOCore

extension RPCDispatcher {
    /// Answers a single request straight from its token tape when its method has a direct
    /// body, writing the whole response to `out`; false when it is left to the general path,
    /// with nothing written.
    ///
    /// Only a valid envelope (`RPCEnvelope`, the rules `RPCRequest` reads by) with an id
    /// written plainly (a number, or a string without escapes) is answered here, for a method
    /// the session may call.
    /// Everything else — batches, notifications, errors of every kind — takes the general
    /// path, which words them. The direct body in turn declines whatever it would not answer
    /// exactly as its general body does, so a response never depends on the path it took.
    func respondDirect(_ tape: JSONTape, _ document: UnsafeBufferPointer<UInt8>, session: RPCSession, writing out: inout JSONOutput) -> Bool {
        // Errors are the general path's to word; a notification gets no answer, and an id
        // written with escapes or as null is echoed by the general path.
        guard !tape.isEmpty, let envelope = try? RPCEnvelope(tape, JSONTape.root, in: document),
              let id = envelope.id, tape.kind(id) == .number || tape.kind(id) == .string else { return false }
        let method = envelope.method, params = envelope.params ?? -1
        let start = NIODeadline.now()
        let name = tape.string(method, in: document)
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
