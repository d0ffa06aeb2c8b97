import NIOCore
import Synchronization

/// Limits wrong tokens across connections (`rpc/PROTOCOL.md` §5): per peer address (an IPv6
/// peer counted by its /64, `RPCPeerKey`), and for the whole server. One instance is shared by
/// every connection (every event loop's dispatcher); a `Mutex` guards its counts.
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
        /// Failures in the window, oldest first, with the key (`RPCPeerKey`) each counts against.
        var all = CircularBuffer<(time: Duration, key: String)>()
        /// Failure times per key in the window, oldest first: about `perAddress` at most, since a
        /// key over its limit is refused before it can fail again.
        var byKey: [String: [Duration]] = [:]
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
    public func allows(_ address: String) -> Bool { retryAfter(address) == nil }

    /// Nil when `address` may try a token now; else how long until it may (the oldest failures
    /// that hold it back leave the window then), which the refusal tells the client.
    public func retryAfter(_ address: String) -> Duration? {
        let t = now()
        let key = RPCPeerKey.of(address)
        return state.withLock { state -> Duration? in
            prune(&state, at: t)
            let own = state.byKey[key] ?? []
            var wait: Duration?
            if own.count >= limits.perAddress {
                wait = own[own.count - limits.perAddress] + limits.window - t
            }
            if state.all.count >= limits.global, let last = own.last {
                // Free again once the server is under its limit, or once this key's own failures are gone.
                let globalFree = state.all[state.all.index(state.all.startIndex, offsetBy: state.all.count - limits.global)].time + limits.window - t
                let ownGone = last + limits.window - t
                wait = max(wait ?? .zero, min(globalFree, ownGone))
            }
            return wait
        }
    }

    /// Counts a wrong token from `address`.
    public func recordFailure(_ address: String) {
        let t = now()
        let key = RPCPeerKey.of(address)
        state.withLock { state in
            prune(&state, at: t)
            state.byKey[key, default: []].append(t)
            state.all.append((t, key))
        }
    }

    /// Drops failures older than the window: each leaves `all` and its key's list once, so a
    /// call costs what it drops, not the number of addresses seen.
    private func prune(_ state: inout State, at t: Duration) {
        let cutoff = t - limits.window
        while let first = state.all.first, first.time <= cutoff {
            state.all.removeFirst()
            if var times = state.byKey.removeValue(forKey: first.key) {
                times.removeFirst()
                if !times.isEmpty { state.byKey[first.key] = times }
            }
        }
    }
}
