import HazardCoreJSON
import HazardJSON
import HazardRPC
import NIOCore
import Testing

/// Responses are written as JSON straight into the outgoing buffer, behind the frames
/// already there; a response longer than the room it was given moves out and is copied in.
@Suite("Writing response frames in place")
struct RPCFrameTests {
    /// `[0, 1, …, n-1]` as JSON.
    static func numbers(_ n: Int) -> JSONValue { .array((0..<n).map { .number($0) }) }

    static func frames(_ buffer: ByteBuffer) -> [JSONValue] {
        var buffer = buffer
        var found: [JSONValue] = []
        while let length = buffer.readInteger(as: UInt32.self), let payload = buffer.readBytes(length: Int(length)) {
            if let value = try? JSONReader.read(payload) { found.append(value) }
        }
        return found
    }

    @Test("a frame fits its room, or outgrows it, behind the frames already written", arguments: [1, 100, 10_000])
    func inPlace(count: Int) {
        var buffer = ByteBuffer()
        RPCFrame.write(Array("{}".utf8), into: &buffer)
        let written = RPCFrame.writeJSON(into: &buffer, expected: 64) { json in
            Self.numbers(count).write(to: &json)
            return true
        }
        #expect(written)
        #expect(Self.frames(buffer) == [.object([]), Self.numbers(count)])
    }

    @Test("a body that answers nothing (a notification) writes no frame")
    func nothing() {
        var buffer = ByteBuffer()
        let written = RPCFrame.writeJSON(into: &buffer, expected: 1024) { json in
            json.beginObject()
            return false
        }
        #expect(!written && buffer.readableBytes == 0)
    }
}
