public import NIOCore
import NIOPosix
public import HazardJSON

/// A connection to a hazard RPC server, for `hazard call`, the tests and the load generator.
///
/// Scoped: `RPCClient.withConnection(host:port:) { client in … }` connects, runs the body and
/// closes. `call` sends one request and waits for its response; `send`/`receive` let a caller
/// pipeline many requests or send raw bytes.
public struct RPCClient {
    public static let defaultMaxFrameLength = 64 << 20

    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private let allocator: ByteBufferAllocator
    private var nextID = 1

    /// Connects, runs `body` with the client, then closes the connection.
    ///
    /// - Throws: `RPCSocketError` when it cannot connect, `RPCClientError`, or whatever `body` throws.
    public static func withConnection<Result>(
        host: String, port: Int, maxFrameLength: Int = RPCClient.defaultMaxFrameLength,
        group: (any EventLoopGroup)? = nil,
        _ body: (inout RPCClient) async throws -> Result
    ) async throws -> Result {
        // A failed connect is thrown in words ("connection refused: is `hazard serve` running?").
        let channel = try await RPCSocketError.whileConnecting(to: host, port) { try await ClientBootstrap(group: group ?? MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RPCFrameDecoder(maxFrameLength: maxFrameLength)))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            } }
        return try await channel.executeThenClose { inbound, outbound in
            var client = RPCClient(inbound: inbound.makeAsyncIterator(), outbound: outbound, allocator: channel.channel.allocator)
            return try await body(&client)
        }
    }

    /// Calls `method` and returns its result.
    ///
    /// - Throws: `RPCError` when the server answers with an error; `RPCClientError` when the
    ///   connection closes or the answer is not a response to this request.
    public mutating func call(_ method: String, _ params: JSONValue = .object([])) async throws -> JSONValue {
        let id = makeID()
        try await send(RPCResponse.request(id: id, method: method, params: params))
        let response = try await receive()
        guard response["id"] == id else { throw RPCClientError.unexpectedResponse(JSONWriter.string(response)) }
        return try Self.result(of: response)
    }

    /// A fresh request id.
    public mutating func makeID() -> JSONValue {
        defer { nextID += 1 }
        return .number(nextID)
    }

    /// Sends one frame holding `payload` (a request, notification or batch) without waiting.
    public func send(_ payload: JSONValue) async throws {
        var buffer = allocator.buffer(capacity: 256)
        RPCFrame.write(payload, into: &buffer)
        try await outbound.write(buffer)
    }

    /// Sends many frames in one write.
    public func send(contentsOf payloads: [JSONValue]) async throws {
        var buffer = allocator.buffer(capacity: 256 * payloads.count)
        for payload in payloads { RPCFrame.write(payload, into: &buffer) }
        try await outbound.write(buffer)
    }

    /// Sends bytes exactly as given (header included), e.g. to test the server's framing.
    public func sendRaw(_ bytes: [UInt8]) async throws {
        try await outbound.write(allocator.buffer(bytes: bytes))
    }

    /// The next frame's payload, parsed.
    ///
    /// - Throws: `RPCClientError.connectionClosed` at the end of the stream; `JSONError`.
    public mutating func receive() async throws -> JSONValue {
        guard let frame = try await receiveFrame() else { throw RPCClientError.connectionClosed }
        return try JSONReader.read(frame.readableBytesView)
    }

    /// The next frame's payload, or nil when the server closed the connection.
    public mutating func receiveFrame() async throws -> ByteBuffer? {
        try await inbound.next()
    }

    /// The `result` of a response, or its `error` thrown as `RPCError`.
    ///
    /// - Throws: `RPCError`, `RPCClientError.unexpectedResponse`.
    public static func result(of response: JSONValue) throws -> JSONValue {
        if let result = response["result"] { return result }
        if let error = response["error"], let code = error["code"]?.numberValue?.int, let message = error["message"]?.string {
            throw RPCError(code: code, message: message, data: error["data"])
        }
        throw RPCClientError.unexpectedResponse(JSONWriter.string(response))
    }
}

@available(*, unavailable)
extension RPCClient: Sendable {}

/// The connection did not behave like a hazard RPC server.
public enum RPCClientError: Error, Sendable, Hashable, CustomStringConvertible {
    case connectionClosed
    case unexpectedResponse(String)

    public var description: String {
        switch self {
        case .connectionClosed: return "the server closed the connection"
        case .unexpectedResponse(let text): return "unexpected response: \(text.prefix(200))"
        }
    }
}
