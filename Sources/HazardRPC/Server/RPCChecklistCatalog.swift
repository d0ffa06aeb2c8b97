import HazardJSON
public import CoreMetrics
import HazardCore
public import Logging
public import NIOCore
import NIOPosix
import Synchronization

/// The set of checklists a server grades with, held in one place: the current
/// `RPCChecklistSet` and, for each event loop, a dispatcher built on its own copy of it.
///
/// `reload()` (SIGHUP, `checklists.reload`) loads the whole folder again with the function the
/// server loaded it with at start. If every file loads, it builds the new dispatchers off the
/// event loops, then swaps them in at once: each connection picks the new set up before its
/// next request (`RPCConnectionHandler` compares `generation`), while a request already running
/// finishes on the set it started with; nothing is refused. If any file fails, the old set
/// stays, and every located error is logged at warning and returned.
public final class RPCChecklistCatalog: Sendable {
    /// Builds one event loop's dispatcher on `checklists` (its own copy); include `reload`
    /// (`checklists.reload`) among its methods.
    public typealias MakeDispatcher = @Sendable (_ checklists: RPCChecklistSet, _ reload: RPCMethod) -> RPCDispatcher

    /// The most errors a failed reload returns (all are logged).
    public static let maximumReportedErrors = 100

    private struct State {
        var set: RPCChecklistSet
        var dispatchers: [ObjectIdentifier: RPCDispatcher]
    }

    private let load: @Sendable () -> RPCChecklistSet
    private let makeDispatcher: MakeDispatcher
    private let loops: [any EventLoop]
    /// The event loops the dispatchers were made for; the server serves on these.
    public let group: any EventLoopGroup
    private let logger: Logger
    private let state: Mutex<State>
    private let currentGeneration: Atomic<Int>
    /// Held for the whole of a reload, so two never interleave (a reload runs on a thread of
    /// `NIOThreadPool`, never on an event loop or the concurrency pool).
    private let reloading = Mutex<Void>(())
    private let instruments: Instruments?
    /// One dispatcher on the set as loaded, for what every dispatcher shares (auth, methods).
    public let shared: RPCDispatcher

    /// - Parameters:
    ///   - initial: the set loaded at start (by `load`).
    ///   - group: the event loops connections will be served on (default: NIO's singleton);
    ///     each gets a dispatcher now.
    ///   - load: loads the whole folder; the same function that loaded `initial`.
    ///   - metrics: where reload counters and the loaded set's gauges go (nil: nowhere).
    public init(initial: RPCChecklistSet, group: (any EventLoopGroup)? = nil, metrics: (any MetricsFactory)? = nil, logger: Logger,
                load: @escaping @Sendable () -> RPCChecklistSet, makeDispatcher: @escaping MakeDispatcher) {
        self.load = load
        self.makeDispatcher = makeDispatcher
        let group = group ?? MultiThreadedEventLoopGroup.singleton
        self.loops = Array(group.makeIterator())
        self.group = group
        self.logger = logger
        self.instruments = metrics.map(Instruments.init)
        var first = initial
        first.generation = 1
        self.state = Mutex(State(set: first, dispatchers: [:]))
        self.currentGeneration = Atomic(1)
        self.shared = makeDispatcher(first, Self.placeholderReloadMethod)
        let dispatchers = makeDispatchers(first)
        state.withLock { $0.dispatchers = dispatchers }
        instruments?.loaded(first)
    }

    /// Bumped by every reload that replaced the set; read before each request, so cheap.
    public var generation: Int { currentGeneration.load(ordering: .relaxed) }

    /// The set now served.
    public var current: RPCChecklistSet { state.withLock { $0.set } }

    /// The current dispatcher for connections on `loop`, and the generation it grades with.
    public func dispatcher(for loop: any EventLoop) -> (generation: Int, dispatcher: RPCDispatcher) {
        let found = state.withLock { state in (state.set.generation, state.dispatchers[ObjectIdentifier(loop)], state.set) }
        if let dispatcher = found.1 { return (found.0, dispatcher) }
        // A loop outside the group given at start (tests on other loops): built on first use.
        let made = makeDispatcher(found.2.copy(), reloadMethod)
        return state.withLock { state in
            guard state.set.generation == found.0 else { return (state.set.generation, state.dispatchers[ObjectIdentifier(loop)] ?? made) }
            state.dispatchers[ObjectIdentifier(loop)] = made
            return (found.0, made)
        }
    }

    /// Loads the folder again and, if every file loads, serves the new set; otherwise keeps
    /// the old one. Runs on `NIOThreadPool.singleton`; reloads run one at a time.
    ///
    /// - Returns: what is loaded now and what changed, or the `-32015` error listing every
    ///   located error (at most `maximumReportedErrors` of them; all are logged).
    public func reload() async -> Result<RPCChecklistReload, RPCError> {
        do {
            return try await NIOThreadPool.singleton.runIfActive { self.reloadNow() }
        } catch {
            return .failure(RPCError(.internalError, "the reload could not run: the server is stopping"))
        }
    }

    /// `checklists.reload`: admin only, no params.
    public var reloadMethod: RPCMethod {
        RPCMethod("checklists.reload", role: .admin) { [weak self] params, _ in
            try params.finish()
            guard let self else { throw RPCError(.internalError, "the server is stopping") }
            return try await self.reload().get().jsonValue
        }
    }

    /// Stands in for `reloadMethod` in `shared`, which answers no request.
    private static let placeholderReloadMethod = RPCMethod("checklists.reload", role: .admin) { _, _ in
        throw RPCError(.internalError, "checklists.reload is served by the event loops' dispatchers")
    }

    private func reloadNow() -> Result<RPCChecklistReload, RPCError> {
        reloading.withLock { _ in
            let loaded = load()
            let old = current
            let errors = loaded.errors
            if !errors.isEmpty || (loaded.checklists.isEmpty && !old.checklists.isEmpty) {
                return .failure(refuse(loaded, errors: errors, keeping: old))
            }
            for warning in loaded.diagnostics where warning.severity == .warning {
                logger.notice("checklists.reload_warning", metadata: ["checklists.diagnostic": "\(warning)"])
            }
            var next = loaded
            next.generation = old.generation + 1
            // Built before the swap, off the event loops: a loop only ever takes a ready dispatcher.
            let dispatchers = makeDispatchers(next)
            state.withLock { state in
                state.set = next
                state.dispatchers = dispatchers
            }
            currentGeneration.store(next.generation, ordering: .relaxed)
            let report = RPCChecklistReload(old: old, new: next)
            instruments?.reloaded(ok: true)
            instruments?.loaded(next)
            logger.info("checklists.reloaded", metadata: [
                "checklists.generation": "\(next.generation)", "checklists.count": "\(next.checklists.count)",
                "checklists.added": "\(report.added.joined(separator: ","))", "checklists.removed": "\(report.removed.joined(separator: ","))",
                "checklists.updated": "\(report.updated.joined(separator: ","))",
            ])
            return .success(report)
        }
    }

    private func refuse(_ loaded: RPCChecklistSet, errors: [Diagnostic], keeping old: RPCChecklistSet) -> RPCError {
        instruments?.reloaded(ok: false)
        let located = errors.isEmpty ? ["no checklist files found; an empty set would stop all grading"] : errors.map(\.description)
        for line in located {
            logger.warning("checklists.reload_error", metadata: ["checklists.diagnostic": "\(line)", "checklists.generation": "\(old.generation)"])
        }
        logger.warning("checklists.reload_refused", metadata: ["checklists.errors": "\(located.count)", "checklists.generation": "\(old.generation)"])
        return RPCError(.reloadFailed, "the checklists did not load (\(located.count) error\(located.count == 1 ? "" : "s")); the \(old.checklists.count) loaded before are still served",
                        data: .object([
                            "errors": .array(located.prefix(Self.maximumReportedErrors).map { .string($0) }),
                            "count": .number(located.count),
                            "generation": .number(old.generation),
                        ]))
    }

    private func makeDispatchers(_ set: RPCChecklistSet) -> [ObjectIdentifier: RPCDispatcher] {
        var made: [ObjectIdentifier: RPCDispatcher] = [:]
        for loop in loops { made[ObjectIdentifier(loop)] = makeDispatcher(set.copy(), reloadMethod) }
        return made
    }

    /// Reloads counted by outcome; the loaded set's size and generation as gauges.
    private struct Instruments: Sendable {
        let ok: Counter
        let failed: Counter
        let count: Gauge
        let generation: Gauge

        init(_ factory: any MetricsFactory) {
            ok = Counter(label: "hazard_checklists_reloads_total", dimensions: [("outcome", "ok")], factory: factory)
            failed = Counter(label: "hazard_checklists_reloads_total", dimensions: [("outcome", "failed")], factory: factory)
            count = Gauge(label: "hazard_checklists_loaded", dimensions: [], factory: factory)
            generation = Gauge(label: "hazard_checklists_generation", dimensions: [], factory: factory)
        }

        func reloaded(ok success: Bool) { (success ? ok : failed).increment() }

        func loaded(_ set: RPCChecklistSet) {
            count.record(set.checklists.count)
            generation.record(set.generation)
        }
    }
}
