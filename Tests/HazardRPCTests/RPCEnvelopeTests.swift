import HazardJSON
@testable import HazardRPC
import Testing

/// The envelope rules are written once (`RPCEnvelope`) and read two forms of a request: the
/// tree the general path answers from and the tape the direct path answers from. Both must
/// come to the same verdict, error and echoed id included.
@Suite("The JSON-RPC envelope")
struct RPCEnvelopeTests {
    static let envelopes: [(label: String, text: String, error: String?)] = [
        ("a request", #"{"jsonrpc":"2.0","id":1,"method":"engine.info","params":{}}"#, nil),
        ("params absent", #"{"jsonrpc":"2.0","id":"a","method":"engine.info"}"#, nil),
        ("a notification", #"{"jsonrpc":"2.0","method":"engine.info"}"#, nil),
        ("a null id", #"{"jsonrpc":"2.0","id":null,"method":"engine.info"}"#, nil),
        ("the first of a repeated member counts", #"{"jsonrpc":"2.0","id":1,"id":{},"method":"engine.info","method":7}"#, nil),
        ("escaped member names", #"{"jsonr\u0070c":"2.0","\u0069d":2,"method":"engine.info"}"#, nil),
        ("an escaped version", #"{"jsonrpc":"2\u002e0","id":2,"method":"engine.info"}"#, nil),
        ("unknown members are ignored", #"{"jsonrpc":"2.0","id":2,"method":"engine.info","extra":[1,2]}"#, nil),
        ("not an object", #"[1]"#, "a request must be a JSON object, not array"),
        ("a string", #""hello""#, "a request must be a JSON object, not string"),
        ("an id that is an object", #"{"jsonrpc":"2.0","id":{},"method":"engine.info"}"#, "id must be a string, a number or null"),
        ("an id that is true", #"{"jsonrpc":"2.0","id":true,"method":"engine.info"}"#, "id must be a string, a number or null"),
        ("no version", #"{"id":3,"method":"engine.info"}"#, "jsonrpc must be \"2.0\""),
        ("version 1.0", #"{"jsonrpc":"1.0","id":3,"method":"engine.info"}"#, "jsonrpc must be \"2.0\""),
        ("version as a number", #"{"jsonrpc":2.0,"id":3,"method":"engine.info"}"#, "jsonrpc must be \"2.0\""),
        ("no method", #"{"jsonrpc":"2.0","id":"x"}"#, "method must be a string"),
        ("a method that is a number", #"{"jsonrpc":"2.0","id":"x","method":1}"#, "method must be a string"),
        ("params that are an array", #"{"jsonrpc":"2.0","id":4,"method":"engine.info","params":[1]}"#, "params must be an object of named parameters"),
        ("params that are null", #"{"jsonrpc":"2.0","id":4,"method":"engine.info","params":null}"#, "params must be an object of named parameters"),
    ]

    @Test("the tree and the tape come to the same verdict on every envelope", arguments: envelopes.indices)
    func sameVerdict(index: Int) throws {
        let (label, text, error) = Self.envelopes[index]
        let bytes = Array(text.utf8)
        var tape = JSONTape()
        try bytes.withUnsafeBufferPointer { document in
            try JSONReader.read(document, into: &tape)
            let tree = tape.value(in: document)
            let fromTree = Result { () throws(RPCEnvelopeError) in try RPCRequest(tree) }
            let fromTape = Result { () throws(RPCEnvelopeError) in try RPCEnvelope(tape, JSONTape.root, in: document) }
            switch (fromTree, fromTape) {
            case (.success(let request), .success(let envelope)):
                #expect(error == nil, "\(label)")
                #expect(request.id == envelope.id.map { tape.value($0, in: document) }, "\(label)")
                #expect(request.method == tape.string(envelope.method, in: document), "\(label)")
                #expect(request.params == envelope.params.map { tape.value($0, in: document) } ?? .object([]), "\(label)")
            case (.failure(let treeError), .failure(let tapeError)):
                #expect(treeError.error.message == error, "\(label)")
                #expect(treeError.error == tapeError.error, "\(label)")
                #expect(treeError.id == tapeError.id, "\(label)")
            default:
                Issue.record("\(label): the tree read \(fromTree), the tape \(fromTape)")
            }
        }
    }

    @Test("an envelope error answers under the request's id when it could be read")
    func echoedID() throws {
        let request = try JSONReader.read(Array(#"{"jsonrpc":"1.0","id":"请求-7","method":"engine.info"}"#.utf8))
        #expect(throws: RPCEnvelopeError.self) { try RPCRequest(request) }
        do throws(RPCEnvelopeError) { _ = try RPCRequest(request) } catch {
            #expect(error.id == .string("请求-7"))
            #expect(error.error.code == RPCErrorCode.invalidRequest.rawValue)
        }
    }
}
