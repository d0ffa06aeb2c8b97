public import NIOCore

/// Writing frames: a 4-byte big-endian length, then the payload.
public enum RPCFrame {
    /// Appends one frame holding `payload` to `buffer`.
    public static func write(_ payload: some Collection<UInt8>, into buffer: inout ByteBuffer) {
        buffer.reserveCapacity(minimumWritableBytes: 4 + payload.count)
        buffer.writeInteger(UInt32(truncatingIfNeeded: payload.count))
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

    /// A frame holding `payload`.
    public static func make(_ payload: some Collection<UInt8>, allocator: ByteBufferAllocator = ByteBufferAllocator()) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: payload.count + 4)
        write(payload, into: &buffer)
        return buffer
    }
}
