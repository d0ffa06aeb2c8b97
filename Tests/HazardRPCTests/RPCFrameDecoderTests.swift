import HazardRPC
import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

@Suite("Framing: 4-byte big-endian length + payload")
struct RPCFrameDecoderTests {
    func makeChannel(max: Int = 1024) throws -> EmbeddedChannel {
        EmbeddedChannel(handler: ByteToMessageHandler(RPCFrameDecoder(maxFrameLength: max)))
    }

    @Test("a frame split across reads, in the header and in the body, comes out whole")
    func splitFrame() throws {
        let channel = try makeChannel()
        let bytes = Array(frame("{\"a\":1}").readableBytesView)
        for chunk in [bytes[0..<2], bytes[2..<6], bytes[6...]] {
            try channel.writeInbound(ByteBuffer(bytes: chunk))
        }
        let out = try #require(try channel.readInbound(as: ByteBuffer.self))
        #expect(String(buffer: out) == "{\"a\":1}")
        #expect(try channel.readInbound(as: ByteBuffer.self) == nil)
        #expect(try channel.finish().isClean)
    }

    @Test("many frames in one read come out in order")
    func manyFrames() throws {
        let channel = try makeChannel()
        var buffer = ByteBuffer()
        for k in 0..<50 { RPCFrame.write(Array("[\(k)]".utf8), into: &buffer) }
        try channel.writeInbound(buffer)
        for k in 0..<50 {
            let out = try #require(try channel.readInbound(as: ByteBuffer.self))
            #expect(String(buffer: out) == "[\(k)]")
        }
        #expect(try channel.finish().isClean)
    }

    @Test("length 0 is rejected at the header")
    func zeroLength() throws {
        let channel = try makeChannel()
        #expect(throws: RPCFrameError.invalidLength(0, maximum: 1024)) {
            try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 0]))
        }
        _ = try? channel.finish()
    }

    @Test("an oversized length is rejected before any of the body arrives")
    func oversized() throws {
        let channel = try makeChannel(max: 1024)
        #expect(throws: RPCFrameError.invalidLength(1025, maximum: 1024)) {
            try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0x04, 0x01]))
        }
        _ = try? channel.finish()
    }

    @Test("the largest 32-bit length is rejected, not allocated")
    func hugeLength() throws {
        let channel = try makeChannel(max: 1 << 20)
        #expect(throws: RPCFrameError.invalidLength(Int(UInt32.max), maximum: 1 << 20)) {
            try channel.writeInbound(ByteBuffer(bytes: [0xFF, 0xFF, 0xFF, 0xFF]))
        }
        _ = try? channel.finish()
    }

    @Test("a frame cut off by EOF is reported as truncated", arguments: [[0, 0] as [UInt8], [0, 0, 0, 9, 0x7B]])
    func truncated(bytes: [UInt8]) throws {
        let channel = try makeChannel()
        try channel.writeInbound(ByteBuffer(bytes: bytes))
        #expect(throws: RPCFrameError.self) { try channel.finish() }
    }

    @Test("a payload of exactly the maximum is accepted")
    func exactlyMax() throws {
        let channel = try makeChannel(max: 16)
        try channel.writeInbound(frame(Array(repeating: UInt8(ascii: "1"), count: 16)))
        #expect(try channel.readInbound(as: ByteBuffer.self)?.readableBytes == 16)
        #expect(try channel.finish().isClean)
    }

    @Test("ByteToMessageDecoderVerifier: byte-by-byte and whole inputs decode the same")
    func verifier() throws {
        let frames = ["{}", "[1,2,3]", String(repeating: "x", count: 300)]
        let pairs = frames.map { (frame($0), [ByteBuffer(string: $0)]) }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) { RPCFrameDecoder(maxFrameLength: 1024) }
    }

    @Test("a client that sends part of a frame and stalls is disconnected after the idle timeout")
    func slowClient() throws {
        let loop = EmbeddedEventLoop()
        let channel = EmbeddedChannel(loop: loop)
        try channel.pipeline.syncOperations.addHandlers([
            ByteToMessageHandler(RPCFrameDecoder()), RPCIdleTimeoutHandler(timeout: .seconds(5)),
        ])
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        // Trickle one byte per second: reads happen, but no frame ever completes.
        for byte in [UInt8](frame("{\"jsonrpc\":\"2.0\"}").readableBytesView).prefix(4) {
            channel.pipeline.fireChannelRead(ByteBuffer(bytes: [byte]))
            channel.pipeline.fireChannelReadComplete()
            loop.advanceTime(by: .seconds(1))
        }
        #expect(channel.isActive)
        loop.advanceTime(by: .seconds(2))
        #expect(!channel.isActive)
    }

    @Test("complete frames keep a connection open past the idle timeout")
    func activeClient() throws {
        let loop = EmbeddedEventLoop()
        let channel = EmbeddedChannel(loop: loop)
        try channel.pipeline.syncOperations.addHandlers([
            ByteToMessageHandler(RPCFrameDecoder()), RPCIdleTimeoutHandler(timeout: .seconds(5)),
        ])
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        for _ in 0..<4 {
            channel.pipeline.fireChannelRead(frame("{}"))
            channel.pipeline.fireChannelReadComplete()
            loop.advanceTime(by: .seconds(3))
        }
        #expect(channel.isActive)
        loop.advanceTime(by: .seconds(6))
        #expect(!channel.isActive)
    }
}
