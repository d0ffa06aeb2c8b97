public import NIOCore
public import HazardJSON

/// Writing frames: a 4-byte big-endian length, then the payload.
public enum RPCFrame {
    /// The longest payload a frame header can announce.
    public static let maximumLength = Int(UInt32.max)

    /// Appends one frame holding `payload` to `buffer`. A payload too long for the 32-bit
    /// header (which responses never are: `max_response` is at most 1 GiB) becomes an error
    /// frame instead; its length is never truncated.
    public static func write(_ payload: some Collection<UInt8>, into buffer: inout ByteBuffer) {
        guard let length = UInt32(exactly: payload.count) else {
            write(RPCResponse.failure(id: .null, error: .responseTooLarge(limit: maximumLength, ran: true)), into: &buffer)
            return
        }
        buffer.reserveCapacity(minimumWritableBytes: 4 + payload.count)
        buffer.writeInteger(length)
        buffer.writeBytes(payload)
    }

    /// Appends one frame holding the JSON text of `value` to `buffer`.
    public static func write(_ value: JSONValue, into buffer: inout ByteBuffer) {
        var json = JSONOutput(capacity: 512)
        value.write(to: &json)
        write(json, into: &buffer)
    }

    /// Appends one frame holding the text written to `json`, copied once.
    public static func write(_ json: borrowing JSONOutput, into buffer: inout ByteBuffer) {
        json.withBytes { write($0, into: &buffer) }
    }

    /// Appends one frame whose JSON `body` writes straight into `buffer`'s storage, in room
    /// for about `expected` bytes; if it writes more, the text moves to storage of its own and
    /// is copied in once. `body` returns false to write no frame (a notification's answer).
    /// Returns whether a frame was written.
    @discardableResult
    public static func writeJSON(into buffer: inout ByteBuffer, expected: Int, _ body: (inout JSONOutput) -> Bool) -> Bool {
        var spilled: JSONOutput?
        var written = false
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 4 + max(expected, 64)) { raw in
            guard raw.count > 4, let start = raw.bindMemory(to: UInt8.self).baseAddress else { return 0 }
            var json = JSONOutput(over: start + 4, capacity: raw.count - 4)
            guard body(&json) else { return 0 }
            written = true
            guard !json.ownsStorage else {
                spilled = consume json
                return 0
            }
            // The room is a ByteBuffer's (under 4 GiB), so the length fits; checked all the same.
            guard let length = UInt32(exactly: json.byteCount) else {
                spilled = consume json
                return 0
            }
            (start[0], start[1], start[2], start[3]) = (UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF))
            return 4 + json.byteCount
        }
        if let json = consume spilled { write(json, into: &buffer) }
        return written
    }

    /// A frame holding `payload`.
    public static func make(_ payload: some Collection<UInt8>, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: payload.count + 4)
        write(payload, into: &buffer)
        return buffer
    }
}
