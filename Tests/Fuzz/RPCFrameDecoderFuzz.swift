// libFuzzer target for RPCFrameDecoder (built by Tests/Fuzz/run-frame-fuzz.sh: the decoder's
// files are compiled with the target and instrumented; NIOCore and NIOEmbedded come from the
// package's debug build). The decoder runs as the server runs it, inside a
// ByteToMessageHandler, here on an EmbeddedChannel.
//
// Input: [limit][flags][n][n chunk sizes][stream]
//   limit  picks maxFrameLength from `limits`
//   flags  bit 0: stream is a list of payloads ([len][bytes]…) to frame, not raw bytes;
//          bit 1: the limit is a shared RPCFrameLimit raised to 1 MiB before chunk flags >> 2
//          (as a connection raises it on authenticating)
//   n      how many chunk sizes follow; the stream is fed in chunks of those sizes, the rest
//          in one last chunk
// Properties: no crash, whatever the bytes and wherever they are split. Raw bytes: the frames
// out are exactly those of a plain reading of the stream (4-byte big-endian length, then that
// many bytes); the first header of length 0 or over the limit in force throws invalidLength
// with that length, before its body arrives, and nothing after it comes out; a stream that
// ends inside a frame throws truncatedFrame at EOF with the bytes left. Payloads: every
// payload comes out, in order, byte for byte, and the channel finishes clean.

import NIOCore
import NIOEmbedded

let limits = [1, 2, 4, 7, 16, 255, 256, 1024, 65_535, 1 << 20]
let raised = 1 << 20

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = UnsafeBufferPointer(start: data, count: size)[...]
    guard input.count >= 3 else { return 0 }
    let limit = limits[Int(input.removeFirst()) % limits.count]
    let flags = input.removeFirst()
    let splitCount = Int(input.removeFirst())
    var sizes: [Int] = []
    while sizes.count < splitCount, let s = input.popFirst() { sizes.append(Int(s)) }
    let raiseAt = (flags & 2) != 0 ? Int(flags >> 2) : nil

    var payloads: [[UInt8]] = []
    var stream: [UInt8]
    if flags & 1 != 0 {
        stream = []
        while let l = input.popFirst() {
            let length = min(1 + Int(l), limit)
            let payload = Array(input.prefix(length))
            input = input.dropFirst(payload.count)
            guard !payload.isEmpty else { break }
            payloads.append(payload)
            let n = UInt32(payload.count)
            stream += [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + payload
        }
    } else {
        stream = Array(input)
    }
    var chunks: [ArraySlice<UInt8>] = []
    var at = 0
    for s in sizes where at < stream.count {
        let end = min(at + s, stream.count)
        chunks.append(stream[at..<end])
        at = end
    }
    if at < stream.count { chunks.append(stream[at...]) }

    let shared = RPCFrameLimit(limit)
    let decoder = raiseAt == nil ? RPCFrameDecoder(maxFrameLength: limit) : RPCFrameDecoder(limit: shared)
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(decoder))
    var model = Model(limit: limit)
    var out: [[UInt8]] = []
    for (index, chunk) in chunks.enumerated() {
        if let raiseAt, index == raiseAt {
            shared.value = raised
            model.limit = raised
        }
        model.feed(chunk)
        do {
            try channel.writeInbound(ByteBuffer(bytes: chunk))
            guard model.error == nil else { fatalError("model rejects length \(model.error!) at limit \(model.limit); the decoder did not") }
        } catch let error as RPCFrameError {
            guard case .invalidLength(let length, let maximum) = error, let expected = model.error, length == expected, maximum == model.limit else {
                fatalError("decoder threw \(error); model says \(model.error.map { "invalid length \($0)" } ?? "no error") at limit \(model.limit)")
            }
        } catch {
            fatalError("decoder threw \(error)")
        }
        while let frame = try? channel.readInbound(as: ByteBuffer.self) { out.append(Array(frame.readableBytesView)) }
        guard out == model.frames else { fatalError("frames differ from the model's after chunk \(index): \(out.count) vs \(model.frames.count)") }
        if model.error != nil { break }
    }
    let finished = Result { try channel.finish() }
    if model.error == nil {
        switch (finished, model.leftover) {
        case (.success(let state), 0):
            guard state.isClean else { fatalError("clean stream did not finish clean: \(state)") }
        case (.failure(RPCFrameError.truncatedFrame(let expected, let received)), let leftover) where leftover > 0:
            guard received == leftover, expected == model.expectedTotal else {
                fatalError("truncatedFrame(expected: \(String(describing: expected)), received: \(received)); model \(String(describing: model.expectedTotal)), \(leftover)")
            }
        default:
            fatalError("finish gave \(finished) with \(model.leftover) bytes left")
        }
    }
    if flags & 1 != 0 {
        guard model.error == nil, out == payloads else { fatalError("payload stream: \(out.count) of \(payloads.count) payloads out, error \(String(describing: model.error))") }
    }
    return 0
}

/// The framing rule stated plainly, fed the same chunks: a 4-byte big-endian length, 1…limit
/// (the limit in force when the header is looked at), then that many bytes.
struct Model {
    var limit: Int
    var buffered: [UInt8] = []
    var frames: [[UInt8]] = []
    var error: Int?

    init(limit: Int) { self.limit = limit }

    mutating func feed(_ chunk: ArraySlice<UInt8>) {
        guard error == nil else { return }
        buffered += chunk
        while buffered.count >= 4 {
            let length = buffered[0..<4].reduce(0) { $0 << 8 | Int($1) }
            guard length >= 1, length <= limit else { error = length; return }
            guard buffered.count >= 4 + length else { return }
            frames.append(Array(buffered[4..<(4 + length)]))
            buffered.removeFirst(4 + length)
        }
    }

    var leftover: Int { buffered.count }
    var expectedTotal: Int? { buffered.count >= 4 ? buffered[0..<4].reduce(0) { $0 << 8 | Int($1) } + 4 : nil }
}
