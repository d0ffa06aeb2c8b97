import HazardRPC
import NIOPosix
import Synchronization
import Testing

@Suite("Per-event-loop values")
struct EventLoopLocalTests {
    @Test("each event loop gets its own value, made once, on first use")
    func onePerLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let made = Atomic<Int>(0)
        let local = EventLoopLocal<Int> { made.add(1, ordering: .relaxed).newValue }
        let loops = Array(group.makeIterator())
        #expect(made.load(ordering: .relaxed) == 0)
        let first = local.value(for: loops[0])
        #expect(local.value(for: loops[0]) == first)
        let second = local.value(for: loops[1])
        #expect(second != first)
        #expect(made.load(ordering: .relaxed) == 2)
        try await group.shutdownGracefully()
    }
}
