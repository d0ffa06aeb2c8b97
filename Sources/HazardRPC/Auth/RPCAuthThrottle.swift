import Synchronization

/// Limits wrong tokens across connections (`rpc/PROTOCOL.md` §5): per peer address, and for
/// the whole server. One instance is shared by every connection (every event loop's
/// dispatcher); a `Mutex` guards its counts.
///
/// Each limit counts failures in a sliding window. While an address is over its limit, its
/// `session.authenticate` calls are refused without looking at the token (so a right guess
/// cannot be told from a wrong one). While the server is over the global limit, any address
/// with a failure in the window is refused too, so many addresses cannot share one budget;
/// an address that has not failed may still authenticate, so an attack does not lock out
/// honest clients.
public final class RPCAuthThrottle: Sendable {
    public struct Limits: Sendable, Hashable {
        /// Wrong tokens one address may send per window.
        public var perAddress: Int
        /// Wrong tokens all addresses together may send per window.
        public var global: Int
        public var window: Duration

        public init(perAddress: Int = 20, global: Int = 200, window: Duration = .seconds(60)) {
            self.perAddress = perAddress
            self.global = global
            self.window = window
        }
    }

    public let limits: Limits
    private let now: @Sendable () -> Duration
    private let state = Mutex(State())

    private struct State: ~Copyable {
        /// Failure times per address, oldest first.
        var byAddress: [String: [Duration]] = [:]
        var all: [Duration] = []
    }

    /// - Parameter now: a monotonic clock reading (tests inject one).
    public init(limits: Limits = Limits(), now: @escaping @Sendable () -> Duration = RPCAuthThrottle.monotonicNow) {
        self.limits = limits
        self.now = now
    }

    public static let monotonicNow: @Sendable () -> Duration = {
        let start = ContinuousClock.Instant.now
        return { ContinuousClock.Instant.now - start }
    }()

    /// Whether `address` may try a token now.
    public func allows(_ address: String) -> Bool {
        let t = now()
        return state.withLock { state in
            prune(&state, at: t)
            let own = state.byAddress[address]?.count ?? 0
            if own >= limits.perAddress { return false }
            if state.all.count >= limits.global && own > 0 { return false }
            return true
        }
    }

    /// Counts a wrong token from `address`.
    public func recordFailure(_ address: String) {
        let t = now()
        state.withLock { state in
            prune(&state, at: t)
            state.byAddress[address, default: []].append(t)
            state.all.append(t)
        }
    }

    private func prune(_ state: inout State, at t: Duration) {
        let cutoff = t - limits.window
        if let keep = state.all.firstIndex(where: { $0 > cutoff }) {
            if keep > 0 { state.all.removeFirst(keep) }
        } else {
            state.all.removeAll()
        }
        // Only addresses with stale entries are touched; the map holds addresses with recent failures.
        for (address, times) in state.byAddress where times.first.map({ $0 <= cutoff }) ?? true {
            let recent = times.filter { $0 > cutoff }
            state.byAddress[address] = recent.isEmpty ? nil : recent
        }
    }
}
