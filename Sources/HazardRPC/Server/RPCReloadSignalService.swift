public import ServiceLifecycle
public import UnixSignals

/// Reloads the checklists on SIGHUP (`RPCChecklistCatalog.reload`), as daemons do: the outcome
/// is logged by the catalog (the errors of a failed reload at warning). Runs until the server
/// group shuts down.
public struct RPCReloadSignalService: Service {
    public let catalog: RPCChecklistCatalog
    private let signals: UnixSignalsSequence

    /// Traps SIGHUP before returning, so from then on a SIGHUP reloads instead of ending the
    /// process: make the service before the server starts listening.
    public init(catalog: RPCChecklistCatalog, signal: UnixSignal = .sighup) async {
        self.catalog = catalog
        self.signals = await UnixSignalsSequence(trapping: signal)
    }

    public func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            _ = await catalog.reload()
        }
    }
}
