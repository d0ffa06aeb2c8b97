import HazardCoreJSON
import HazardJSON
import HazardRPC
import NIOCore
import NIOEmbedded
import Testing

/// The connection handler in an EmbeddedChannel behind the real frame decoder: engine-only
/// requests are answered on the event loop, in the read that delivered them.
@Suite("Connection handler")
struct RPCConnectionHandlerTests {
    func connection() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandlers([
            ByteToMessageHandler(RPCFrameDecoder(maxFrameLength: 1 << 16)), RPCConnectionHandler(dispatcher: Fixtures.dispatcher()),
        ])
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    /// Every write the handler made so far, each split into its response frames.
    func writes(_ channel: EmbeddedChannel) throws -> [[JSONValue]] {
        var writes: [[JSONValue]] = []
        while var buffer = try channel.readOutbound(as: ByteBuffer.self) {
            var responses: [JSONValue] = []
            while let length = buffer.readInteger(as: UInt32.self), let bytes = buffer.readBytes(length: Int(length)) {
                responses.append(try JSONReader.read(bytes))
            }
            #expect(buffer.readableBytes == 0, "a write ends on a frame boundary")
            writes.append(responses)
        }
        return writes
    }

    func request(_ id: Int, _ method: String, _ params: JSONValue = .object([])) -> ByteBuffer {
        RPCFrame.make(RPCResponse.request(id: .number(id), method: method, params: params).jsonBytes)
    }

    @Test("the answers to one read's frames go out together in one write, in request order")
    func oneWritePerRead() throws {
        let channel = try connection()
        var burst = ByteBuffer()
        var grade = request(1, "hazard.grade", Fixtures.gasGradeParams)
        var info = request(2, "engine.info")
        var list = request(3, "checklists.list")
        burst.writeBuffer(&grade)
        burst.writeBuffer(&info)
        burst.writeBuffer(&list)
        channel.pipeline.fireChannelRead(burst)
        #expect(try writes(channel).isEmpty, "nothing is written before the read completes")
        channel.pipeline.fireChannelReadComplete()
        let all = try writes(channel)
        #expect(all.count == 1)
        #expect(all.first?.map { $0["id"] } == [.number(1), .number(2), .number(3)])
        #expect(all.first?.first?["result"]?["rating"]?["level"] == .string("red"))
        #expect(channel.isActive)
    }

    @Test("a notification gets no frame; a malformed payload gets -32700 and the connection stays")
    func notificationsAndParseErrors() throws {
        let channel = try connection()
        try channel.writeInbound(RPCFrame.make(Array(#"{"jsonrpc":"2.0","method":"engine.info"}"#.utf8)))
        try channel.writeInbound(RPCFrame.make(Array("{\"jsonrpc\":".utf8)))
        try channel.writeInbound(request(7, "engine.info"))
        channel.pipeline.fireChannelReadComplete()
        let responses = try writes(channel).flatMap { $0 }
        #expect(responses.map(\.errorCode) == [-32700, nil])
        #expect(responses.last?["id"] == .number(7))
        #expect(channel.isActive)
    }

    @Test("frames read before a bad length are answered, then the error frame, then the connection closes")
    func frameErrorAfterGoodFrames() throws {
        let channel = try connection()
        var bytes = request(1, "engine.info")
        bytes.writeBytes([0x7F, 0xFF, 0xFF, 0xFF])
        try channel.writeInbound(bytes)
        channel.embeddedEventLoop.run()
        let responses = try writes(channel).flatMap { $0 }
        #expect(responses.count == 2)
        #expect(responses.first?["id"] == .number(1))
        #expect(responses.last?.errorCode == -32010)
        #expect(!channel.isActive)
    }

    @Test("on shutdown a connection answers what it has read and closes")
    func shutdownEvent() throws {
        let channel = try connection()
        try channel.writeInbound(request(1, "engine.info"))
        channel.pipeline.fireUserInboundEventTriggered(RPCShutdownEvent())
        channel.embeddedEventLoop.run()
        let responses = try writes(channel).flatMap { $0 }
        #expect(responses.map { $0["id"] } == [.number(1)])
        #expect(!channel.isActive)
    }

    @Test("after too many wrong tokens the connection closes and reads nothing more")
    func tooManyWrongTokens() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandlers([
            ByteToMessageHandler(RPCFrameDecoder()), RPCConnectionHandler(dispatcher: Fixtures.dispatcher(auth: Fixtures.auth)),
        ])
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        var burst = ByteBuffer()
        for k in 0..<(RPCSession.maximumFailedAuthentications + 2) {
            var frame = request(k, "session.authenticate", .object(["token": .string("wrong")]))
            burst.writeBuffer(&frame)
        }
        try channel.writeInbound(burst)
        channel.pipeline.fireChannelReadComplete()
        channel.embeddedEventLoop.run()
        let responses = try writes(channel).flatMap { $0 }
        #expect(responses.count == RPCSession.maximumFailedAuthentications)
        #expect(responses.allSatisfy { $0.errorCode == -32001 })
        #expect(!channel.isActive)
    }
}
