// Load generator for the hazard RPC server (loopback only, bounded in time).
//
//   RPCLoad --port P --connections 64 --depth 16 --seconds 10 --request file.json [--echo [--echo-reply-bytes N]] [--label name]
//
// Each connection keeps `depth` requests in flight (1 = no pipelining) and sends a new one
// as each answer arrives, for `seconds` after a short warm-up; then it stops sending and waits
// for the stragglers. Prints req/s, latency p50/p99/p99.9, errors and lost responses, plus a
// JSON line for scripts. `--echo` expects the request echoed back (the transport ceiling), or
// with `--echo-reply-bytes N` a frame of N bytes per request (`rpc-echo PORT THREADS N`).
import Foundation
import HazardRPC
import NIOCore
import NIOPosix

struct Options {
    var host = "127.0.0.1"
    var port = 7420
    var connections = 16
    var depth = 1
    var seconds = 5.0
    var warmup = 1.0
    var request = "Tests/HazardRPCTests/Fixtures/gas-grade-request.json"
    var echo = false
    /// With --echo: the echo server answers every frame with this many bytes (0: the request back).
    var echoReplyBytes = 0
    var label = "hazard.grade"
    var threads = 1

    init(_ arguments: [String]) {
        var it = arguments.dropFirst().makeIterator()
        while let flag = it.next() {
            let value = { it.next() ?? "" }
            switch flag {
            case "--host": host = value()
            case "--port": port = Int(value()) ?? port
            case "--connections": connections = Int(value()) ?? connections
            case "--depth": depth = Int(value()) ?? depth
            case "--seconds": seconds = Double(value()) ?? seconds
            case "--warmup": warmup = Double(value()) ?? warmup
            case "--request": request = value()
            case "--echo": echo = true
            case "--echo-reply-bytes": echoReplyBytes = Int(value()) ?? 0
            case "--label": label = value()
            case "--threads": threads = Int(value()) ?? threads
            default: FileHandle.standardError.write(Data("RPCLoad: unknown option \(flag)\n".utf8)); exit(2)
            }
        }
        guard host == "127.0.0.1" || host == "localhost" || host == "::1" else {
            FileHandle.standardError.write(Data("RPCLoad: loopback only\n".utf8)); exit(2)
        }
    }
}

/// Per-connection results, merged at the end.
struct Tally: Sendable {
    var latenciesNs: [UInt64] = []
    var sent = 0
    var received = 0
    var errors = 0
}

/// Keeps `depth` requests in flight on one connection; records the latency of each answer
/// that arrives inside the measured window. The server answers in order, so send times are a FIFO.
final class LoadHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let prefix: [UInt8]
    let suffix: [UInt8]
    let depth: Int
    let echo: Bool
    let echoReplyBytes: Int
    let measureFrom: NIODeadline
    let stopAt: NIODeadline
    let done: EventLoopPromise<Tally>
    var sendTimes = CircularBuffer<NIODeadline>(initialCapacity: 64)
    var tally = Tally()
    var nextID = 0
    var stopping = false

    init(prefix: [UInt8], suffix: [UInt8], depth: Int, echo: Bool, echoReplyBytes: Int, measureFrom: NIODeadline, stopAt: NIODeadline, done: EventLoopPromise<Tally>) {
        self.prefix = prefix
        self.suffix = suffix
        self.depth = depth
        self.echo = echo
        self.echoReplyBytes = echoReplyBytes
        self.measureFrom = measureFrom
        self.stopAt = stopAt
        self.done = done
        tally.latenciesNs.reserveCapacity(1 << 16)
    }

    func channelActive(context: ChannelHandlerContext) {
        for _ in 0..<depth { send(context: context) }
        context.flush()
        context.fireChannelActive()
    }

    private func send(context: ChannelHandlerContext) {
        let id = String(nextID)
        nextID += 1
        var buffer = context.channel.allocator.buffer(capacity: prefix.count + suffix.count + 16)
        buffer.writeInteger(UInt32(prefix.count + id.utf8.count + suffix.count))
        buffer.writeBytes(prefix)
        buffer.writeString(id)
        buffer.writeBytes(suffix)
        sendTimes.append(.now())
        tally.sent += 1
        context.write(Self.wrapOutboundOut(buffer), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        let now = NIODeadline.now()
        let sentAt = sendTimes.removeFirst()
        tally.received += 1
        if !isOK(frame) { tally.errors += 1 }
        if sentAt >= measureFrom && now <= stopAt {
            tally.latenciesNs.append(UInt64((now - sentAt).nanoseconds))
        }
        if now < stopAt {
            send(context: context)
        } else if sendTimes.isEmpty {
            finish(context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        done.succeed(tally)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        tally.errors += 1
        context.close(promise: nil)
    }

    private func finish(context: ChannelHandlerContext) {
        guard !stopping else { return }
        stopping = true
        context.close(promise: nil)
    }

    /// A JSON-RPC success (`..."result":`) for the server; the request itself for the echo.
    private func isOK(_ frame: ByteBuffer) -> Bool {
        if echo, echoReplyBytes > 0 { return frame.readableBytes == echoReplyBytes }
        if echo { return frame.readableBytes == prefix.count + suffix.count + String(nextID - sendTimes.count - 1).utf8.count }
        // `{"jsonrpc":"2.0","id":N,"result":` — look for "result" in the first 64 bytes, bytewise
        // (the generator shares the cores with the server, so it stays cheap).
        return frame.withUnsafeReadableBytes { bytes in
            let head = bytes.prefix(64)
            guard head.count > 30 else { return false }
            let needle = Self.resultKey
            return (head.startIndex...(head.endIndex - needle.count)).contains { start in
                needle.indices.allSatisfy { head[start + $0] == needle[$0] }
            }
        }
    }

    private static let resultKey = Array("\"result\"".utf8)
}

let options = Options(CommandLine.arguments)
guard let requestData = FileManager.default.contents(atPath: options.request), let request = try? JSONReader.read([UInt8](requestData)),
      let method = request["method"]?.string, let params = request["params"] else {
    FileHandle.standardError.write(Data("RPCLoad: cannot read a request from \(options.request)\n".utf8)); exit(2)
}
// The request with its id last, so each send only appends the id digits and "}".
let body = JSONWriter.string(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
let prefix = Array(body.dropLast().utf8) + Array(",\"id\":".utf8)
let suffix = Array("}".utf8)

let group = MultiThreadedEventLoopGroup(numberOfThreads: options.threads)
let start = NIODeadline.now()
let measureFrom = start + .milliseconds(Int64(options.warmup * 1000))
let stopAt = measureFrom + .milliseconds(Int64(options.seconds * 1000))

var futures: [EventLoopFuture<Tally>] = []
for _ in 0..<options.connections {
    let loop = group.next()
    let done = loop.makePromise(of: Tally.self)
    let connect = ClientBootstrap(group: loop)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandlers([
                    ByteToMessageHandler(RPCFrameDecoder(maxFrameLength: 64 << 20)),
                    LoadHandler(prefix: prefix, suffix: suffix, depth: options.depth, echo: options.echo, echoReplyBytes: options.echoReplyBytes,
                                measureFrom: measureFrom, stopAt: stopAt, done: done),
                ])
            }
        }
        .connect(host: options.host, port: options.port)
    connect.whenFailure { done.fail($0) }
    // Stragglers get 5 s after the window; a connection still open then counts its outstanding requests as lost.
    connect.whenSuccess { channel in
        channel.eventLoop.scheduleTask(deadline: stopAt + .seconds(5)) { channel.close(promise: nil) }
    }
    futures.append(done.futureResult)
}

var total = Tally()
for future in futures {
    let tally = try await future.get()
    total.latenciesNs += tally.latenciesNs
    total.sent += tally.sent
    total.received += tally.received
    total.errors += tally.errors
}
try? await group.shutdownGracefully()

let latencies = total.latenciesNs.sorted()
func percentile(_ p: Double) -> Double {
    guard !latencies.isEmpty else { return .nan }
    let index = min(latencies.count - 1, Int((p / 100 * Double(latencies.count)).rounded(.up)) - 1)
    return Double(latencies[max(0, index)]) / 1000
}
let rate = Double(latencies.count) / options.seconds
let lost = total.sent - total.received
print(String(format: "%-22@ conns %3d depth %2d: %9.0f req/s  p50 %7.1f µs  p99 %8.1f µs  p99.9 %8.1f µs  errors %d  lost %d",
             options.label as NSString, options.connections, options.depth, rate, percentile(50), percentile(99), percentile(99.9), total.errors, lost))
print("JSON " + JSONWriter.string(.object([
    "label": .string(options.label), "connections": .number(options.connections), "depth": .number(options.depth),
    "seconds": .number(options.seconds), "requests_per_second": .number(rate.rounded()),
    "p50_us": .number(percentile(50)), "p99_us": .number(percentile(99)), "p999_us": .number(percentile(99.9)),
    "errors": .number(total.errors), "lost": .number(lost), "measured": .number(latencies.count),
])))
