public import CoreMetrics
import Synchronization

/// Requests counted and timed per method through swift-metrics: `hazard_rpc_requests_total`
/// (`method`, `outcome` = ok | error), `hazard_rpc_errors_total` (`method`, `code`) and the
/// histogram `hazard_rpc_request_duration_seconds` (`method`).
///
/// `method` is a name the server offers, `(unknown)` for any other (so a client cannot grow
/// the label set) or `(invalid)` for a frame that is not a request. Each method's handles are
/// made once and kept on its `RPCMethod`, so recording a request costs a counter increment and
/// a histogram update, with no lookup.
public final class RPCRequestMetrics: Sendable {
    public static let durationLabel = "hazard_rpc_request_duration_seconds"
    /// The histogram's buckets: a grading takes tens of microseconds, a ledger write a few
    /// milliseconds, a batch or a large checklist more.
    public static let durationBuckets: [Duration] = [
        .microseconds(10), .microseconds(25), .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
        .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10),
    ]

    private let factory: any MetricsFactory
    private let byMethod = Mutex<[String: RPCMethodInstruments]>([:])

    public init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// The handles for `method` (a label value: a method's name, `(unknown)` or `(invalid)`).
    func instruments(for method: String) -> RPCMethodInstruments {
        byMethod.withLock { made in
            if let found = made[method] { return found }
            let instruments = RPCMethodInstruments(method: method, factory: factory)
            made[method] = instruments
            return instruments
        }
    }
}

/// One method's counters and histogram.
final class RPCMethodInstruments: Sendable {
    let method: String
    private let factory: any MetricsFactory
    private let ok: Counter
    private let failed: Counter
    private let duration: Timer
    /// By error code, made on first use (errors are off the hot path).
    private let errors = Mutex<[Int: Counter]>([:])

    init(method: String, factory: any MetricsFactory) {
        self.method = method
        self.factory = factory
        ok = Counter(label: "hazard_rpc_requests_total", dimensions: [("method", method), ("outcome", "ok")], factory: factory)
        failed = Counter(label: "hazard_rpc_requests_total", dimensions: [("method", method), ("outcome", "error")], factory: factory)
        duration = Timer(label: RPCRequestMetrics.durationLabel, dimensions: [("method", method)], factory: factory)
    }

    /// One request answered in `nanoseconds`, with `code` when it was an error.
    func record(nanoseconds: Int64, errorCode code: Int?) {
        duration.recordNanoseconds(nanoseconds)
        guard let code else {
            ok.increment()
            return
        }
        failed.increment()
        let counter = errors.withLock { byCode in
            if let found = byCode[code] { return found }
            let made = Counter(label: "hazard_rpc_errors_total", dimensions: [("method", method), ("code", "\(code)")], factory: factory)
            byCode[code] = made
            return made
        }
        counter.increment()
    }
}
