import Synchronization

/// Counts unauthenticated connections, server-wide and per address, when the server has
/// tokens: together they may hold at most `maxTotal` of the connection slots, and one address
/// (an IPv6 peer counted by its /64, `RPCPeerKey`) at most `maxPerAddress`, so clients pinging
/// `engine.info` without a token cannot keep an admin out. A connection leaves the count when it
/// authenticates or closes.
public final class RPCAdmission: Sendable {
    public let maxTotal: Int
    public let maxPerAddress: Int
    private let counts = Mutex<(total: Int, byAddress: [String: Int])>((0, [:]))

    public init(maxTotal: Int, maxPerAddress: Int) {
        self.maxTotal = maxTotal
        self.maxPerAddress = maxPerAddress
    }

    /// Why a new connection was refused.
    public enum Refusal: Sendable, Equatable {
        case total
        case address
    }

    /// Takes an unauthenticated slot for a connection from `address`, or says why not.
    public func admit(_ address: String) -> Refusal? {
        let address = RPCPeerKey.of(address)
        return counts.withLock { counts in
            if counts.total >= maxTotal { return .total }
            if counts.byAddress[address, default: 0] >= maxPerAddress { return .address }
            counts.total += 1
            counts.byAddress[address, default: 0] += 1
            return nil
        }
    }

    /// Gives back the slot `admit` took (the connection authenticated or closed).
    public func release(_ address: String) {
        let address = RPCPeerKey.of(address)
        counts.withLock { counts in
            counts.total -= 1
            let left = counts.byAddress[address, default: 1] - 1
            counts.byAddress[address] = left > 0 ? left : nil
        }
    }

    /// Unauthenticated connections now.
    public var unauthenticated: Int { counts.withLock { $0.total } }
}
