import Synchronization

/// Counters a server keeps about its connections' output, read by tests and logs: the
/// bytes held for clients (responses written but not yet taken by the socket, and request
/// frames waiting to be answered), their peak, and how often a connection stopped reading
/// because its output was not being taken.
public final class RPCServerMetrics: Sendable {
    private let buffered = Atomic<Int>(0)
    private let peak = Atomic<Int>(0)
    private let pauses = Atomic<Int>(0)

    public init() {}

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
}
