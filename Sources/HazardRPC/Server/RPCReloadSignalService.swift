public import ServiceLifecycle
public import UnixSignals

/// Reloads the checklists on SIGHUP (`RPCChecklistCatalog.reload`), as daemons do: the outcome
/// is logged by the catalog (the errors of a failed reload at warning). Runs until the server
/// group shuts down.
public struct RPCReloadSignalService: Service {
    public let catalog: RPCChecklistCatalog
    private let signals: UnixSignalsSequence

    /// Traps `signal` from now on, so it no longer ends the process. Call it first at start-up:
    /// a SIGHUP that arrives while the checklists load (seconds, for the shipped set) is kept
    /// and reloads them once the service runs, instead of killing a server about to listen.
    public static func trap(_ signal: UnixSignal = .sighup) async -> UnixSignalsSequence {
        await UnixSignalsSequence(trapping: signal)
    }

    /// `signals` from `trap()`; signals that arrived before `run()` are delivered then.
    public init(catalog: RPCChecklistCatalog, signals: UnixSignalsSequence) {
        self.catalog = catalog
        self.signals = signals
    }

    public func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            _ = await catalog.reload()
        }
    }
}
