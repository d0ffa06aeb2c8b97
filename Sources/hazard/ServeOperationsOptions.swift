import ArgumentParser
import HazardRPC

/// What `hazard serve` offers operators beside the RPC port: Prometheus metrics.
struct ServeOperationsOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Serve Prometheus metrics (request counts and latency per method, connections, checklist reloads) as text on GET /metrics at PORT, HOST:PORT or [IPv6]:PORT; a bare port binds 127.0.0.1. Plain HTTP/1.1, no authentication: at most 16 scrapers at once, each closed after 30 s idle.",
        valueName: "host:port"))
    var metrics: String?

    @Flag(help: "Let --metrics bind a non-loopback address (it is refused otherwise: anyone who reaches it reads the metrics).")
    var metricsAllowRemote = false

    func validate() throws {
        guard let metrics else {
            if metricsAllowRemote { throw ValidationError("--metrics-allow-remote needs --metrics HOST:PORT") }
            return
        }
        do { try RPCMetricsConfiguration.parse(metrics, allowsRemote: metricsAllowRemote).validate() } catch {
            throw ValidationError(error.message)
        }
    }

    /// Where to serve metrics; nil without `--metrics`.
    func metricsConfiguration() throws(RPCConfigurationError) -> RPCMetricsConfiguration? {
        try metrics.map { text throws(RPCConfigurationError) in try RPCMetricsConfiguration.parse(text, allowsRemote: metricsAllowRemote) }
    }
}
