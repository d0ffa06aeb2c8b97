public import CoreMetrics
import Synchronization

/// Counters a server keeps about its connections' output, read by tests and logs: the
/// bytes held for clients (responses written but not yet taken by the socket, and request
/// frames waiting to be answered), their peak, and how often a connection stopped reading
/// because its output was not being taken.
///
/// Made with a `MetricsFactory` (`hazard serve --metrics`), it also counts and times every
/// request (`requests`) and publishes these counters as gauges when asked (`publish`, before
/// each scrape), so the connections' hot paths only touch the atomics below.
public final class RPCServerMetrics: Sendable {
    private let buffered = Atomic<Int>(0)
    private let peak = Atomic<Int>(0)
    private let pauses = Atomic<Int>(0)
    /// Per-method request counters and latency histograms; nil without a factory.
    public let requests: RPCRequestMetrics?
    private let gauges: Gauges?

    public init(factory: (any MetricsFactory)? = nil) {
        requests = factory.map(RPCRequestMetrics.init)
        gauges = factory.map(Gauges.init)
    }

    /// Bytes held for all connections now.
    public var bufferedBytes: Int { buffered.load(ordering: .relaxed) }
    /// The most `bufferedBytes` has been.
    public var peakBufferedBytes: Int { peak.load(ordering: .relaxed) }
    /// Times a connection stopped reading and answering until its client took its output.
    public var outputPauses: Int { pauses.load(ordering: .relaxed) }

    func add(_ bytes: Int) {
        let now = buffered.add(bytes, ordering: .relaxed).newValue
        var seen = peak.load(ordering: .relaxed)
        while now > seen {
            let (exchanged, original) = peak.compareExchange(expected: seen, desired: now, ordering: .relaxed)
            if exchanged { break }
            seen = original
        }
    }

    func remove(_ bytes: Int) { buffered.subtract(bytes, ordering: .relaxed) }

    func countPause() { pauses.add(1, ordering: .relaxed) }

    /// Copies the counters (and the open connections) into their gauges.
    func publish(connections: Int) {
        guard let gauges else { return }
        gauges.connections.record(connections)
        gauges.buffered.record(bufferedBytes)
        gauges.peak.record(peakBufferedBytes)
        gauges.pauses.record(outputPauses)
    }

    private struct Gauges: Sendable {
        let connections: Gauge
        let buffered: Gauge
        let peak: Gauge
        let pauses: Gauge

        init(_ factory: any MetricsFactory) {
            connections = Gauge(label: "hazard_rpc_connections", dimensions: [], factory: factory)
            buffered = Gauge(label: "hazard_rpc_buffered_bytes", dimensions: [], factory: factory)
            peak = Gauge(label: "hazard_rpc_buffered_bytes_peak", dimensions: [], factory: factory)
            pauses = Gauge(label: "hazard_rpc_output_pauses", dimensions: [], factory: factory)
        }
    }
}
