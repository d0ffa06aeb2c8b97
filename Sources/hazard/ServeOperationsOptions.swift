import ArgumentParser
import HazardRPC

/// What `hazard serve` offers operators beside the RPC port: Prometheus metrics.
struct ServeOperationsOptions: ParsableArguments {
    @Option(help: Self.metricsHelp) var metrics: String?

    static var metricsHelp: ArgumentHelp {
        var help = ServeSetting.help("metrics")
        help.valueName = "host:port"
        return help
    }

    @Flag(help: "Let --metrics bind a non-loopback address (it is refused otherwise: anyone who reaches it reads the metrics).")
    var metricsAllowRemote = false

    func validate() throws {
        // A metrics address from HAZARD_METRICS or the config file is checked when the server starts.
        guard let metrics else { return }
        do { try RPCMetricsConfiguration.parse(metrics, allowsRemote: metricsAllowRemote).validate() } catch {
            throw ValidationError(error.message)
        }
    }

    /// Where to serve metrics: `metrics` as resolved from the flag, `HAZARD_METRICS` or the
    /// config file; nil when none gives it.
    func metricsConfiguration(_ metrics: String?) throws(RPCConfigurationError) -> RPCMetricsConfiguration? {
        try metrics.map { text throws(RPCConfigurationError) in try RPCMetricsConfiguration.parse(text, allowsRemote: metricsAllowRemote) }
    }
}
