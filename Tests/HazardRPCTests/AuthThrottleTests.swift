@testable import HazardRPC
import Testing

/// The per-address limits of PROTOCOL §5 as a client with many addresses meets them: an IPv6
/// host counts once per /64, and a refusal says truly when the address may try again.
@Suite("Wrong-token and admission limits per address")
struct AuthThrottleTests {
    typealias Connection = AuthorisationAndIntegrityTests.Connection
    typealias ManualClock = AuthorisationAndIntegrityTests.ManualClock

    @Test("an IPv6 peer counts as its /64, an IPv4-mapped one as its IPv4 address, IPv4 as itself", arguments: [
        ("2001:db8:1:2::5", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2:ffff:eeee:dddd:cccc", "2001:db8:1:2::/64"),
        ("2001:db8:1:3::5", "2001:db8:1:3::/64"),
        ("::ffff:198.51.100.9", "198.51.100.9"),
        ("198.51.100.9", "198.51.100.9"),
        ("fe80::1%eth0", "fe80:0:0:0::/64"),
        ("::1", "0:0:0:0::/64"),
        ("unknown", "unknown"),
    ])
    func peerKey(address: String, key: String) {
        #expect(RPCPeerKey.of(address) == key)
    }

    @Test("addresses of one /64 share one budget of wrong tokens; another /64 has its own")
    func ipv6SharesItsPrefix() async throws {
        let clock = ManualClock()
        let throttle = RPCAuthThrottle(limits: .init(perAddress: 3, global: 100, window: .seconds(60)), now: { clock.read() })
        let dispatcher = try AuthorisationAndIntegrityTests.dispatcher(throttle: throttle)
        for k in 1...3 {
            var c = Connection(dispatcher, peer: "2001:db8:7:7::\(k)")
            #expect(try await c.authenticate("guess\(k)")["error"]?["data"]?["retry_after_seconds"] == nil)
        }
        var sameHost = Connection(dispatcher, peer: "2001:db8:7:7:abcd::99")
        let refused = try await sameHost.authenticate("admin-token")
        #expect(refused.errorCode == -32001 && refused["error"]?["data"]?["retry_after_seconds"] == .number(60))
        var neighbour = Connection(dispatcher, peer: "2001:db8:7:8::1")
        #expect(try await neighbour.authenticate("admin-token")["result"] != nil)
    }

    @Test("retry_after_seconds is the time until the failure holding the address back leaves the window")
    func retryAfterIsTrue() async throws {
        let clock = ManualClock()
        let throttle = RPCAuthThrottle(limits: .init(perAddress: 3, global: 100, window: .seconds(60)), now: { clock.read() })
        let dispatcher = try AuthorisationAndIntegrityTests.dispatcher(throttle: throttle)
        for _ in 1...3 {
            var c = Connection(dispatcher, peer: "198.51.100.20")
            #expect(try await c.authenticate("guess").errorCode == -32001)
            clock.advance(.seconds(10))
        }
        // Failures at 0, 10 and 20 s; at 30 s the one at 0 s leaves the window in 30 s.
        var early = Connection(dispatcher, peer: "198.51.100.20")
        #expect(try await early.authenticate("admin-token")["error"]?["data"]?["retry_after_seconds"] == .number(30))
        clock.advance(.milliseconds(29_500))
        var almost = Connection(dispatcher, peer: "198.51.100.20")
        #expect(try await almost.authenticate("admin-token")["error"]?["data"]?["retry_after_seconds"] == .number(1))
        clock.advance(.milliseconds(500))
        var waited = Connection(dispatcher, peer: "198.51.100.20")
        #expect(try await waited.authenticate("admin-token")["result"] != nil)
    }

    @Test("over the global limit an address that failed waits until its own failures leave or the server drops below the limit")
    func globalWait() {
        let clock = ManualClock()
        let throttle = RPCAuthThrottle(limits: .init(perAddress: 10, global: 3, window: .seconds(60)), now: { clock.read() })
        throttle.recordFailure("198.51.100.1")
        clock.advance(.seconds(20))
        throttle.recordFailure("198.51.100.2")
        throttle.recordFailure("198.51.100.3")
        // Server-wide 3 of 3: .1 waits 40 s (its failure at 0 s leaves then, and so does the server's oldest).
        #expect(throttle.retryAfter("198.51.100.1") == .seconds(40))
        // .2 failed at 20 s; the server is below its limit once the failure at 0 s leaves: 40 s.
        #expect(throttle.retryAfter("198.51.100.2") == .seconds(40))
        #expect(throttle.retryAfter("203.0.113.1") == nil, "an address that has not failed may try")
        clock.advance(.seconds(40))
        #expect(throttle.retryAfter("198.51.100.1") == nil && throttle.retryAfter("198.51.100.2") == nil)
    }

    @Test("100,000 addresses that each failed once are all forgotten when the window has passed")
    func manyAddressesForgotten() {
        let clock = ManualClock()
        let throttle = RPCAuthThrottle(limits: .init(perAddress: 1, global: 1_000_000, window: .seconds(60)), now: { clock.read() })
        for k in 0..<100_000 { throttle.recordFailure("10.\(k >> 16).\((k >> 8) & 255).\(k & 255)") }
        #expect(throttle.retryAfter("10.0.0.7") == .seconds(60))
        #expect(throttle.retryAfter("10.1.134.159") == .seconds(60))
        clock.advance(.seconds(60))
        #expect(throttle.retryAfter("10.0.0.7") == nil)
        #expect(throttle.retryAfter("10.1.134.159") == nil)
    }

    @Test("unauthenticated connections from one IPv6 /64 share the per-address slots")
    func admissionByPrefix() {
        let admission = RPCAdmission(maxTotal: 100, maxPerAddress: 2)
        #expect(admission.admit("2001:db8:9:9::1") == nil)
        #expect(admission.admit("2001:db8:9:9::2") == nil)
        #expect(admission.admit("2001:db8:9:9::3") == .address)
        #expect(admission.admit("2001:db8:9:a::1") == nil)
        admission.release("2001:db8:9:9::1")
        #expect(admission.admit("2001:db8:9:9::4") == nil)
    }
}
