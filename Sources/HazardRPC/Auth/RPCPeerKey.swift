#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the per-address limits (`rpc/PROTOCOL.md` §5) count a peer as: an IPv4 address as
/// itself, an IPv4-mapped IPv6 address as that IPv4 address, and any other IPv6 address as its
/// /64. A single host is routinely given a whole /64, so counting each IPv6 address apart would
/// hand one attacker 2⁶⁴ budgets of wrong tokens and unauthenticated connections.
package enum RPCPeerKey {
    package static func of(_ address: String) -> String {
        // A link-local peer may carry its zone ("fe80::1%eth0"); the zone names no host.
        let bare = address.split(separator: "%", maxSplits: 1).first.map(String.init) ?? address
        var bytes = [UInt8](repeating: 0, count: 16)
        guard bare.contains(":"), inet_pton(AF_INET6, bare, &bytes) == 1 else { return address }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}
