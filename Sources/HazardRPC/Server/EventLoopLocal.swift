public import NIOCore
import Synchronization

/// One value per event loop, made on first use there.
///
/// The server keeps a dispatcher (with its own compiled checklists) per event loop: strings
/// and arrays read on every request are then retained and released by one thread only.
/// Shared between loops, their atomic reference counts bounced between cores and cost more
/// than the grading itself (measured: 31 % of server time in `swift_retain` at 64 connections).
public final class EventLoopLocal<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let values = Mutex<[ObjectIdentifier: Value]>([:])

    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    public func value(for loop: any EventLoop) -> Value {
        values.withLock { values in
            if let value = values[ObjectIdentifier(loop)] { return value }
            let value = make()
            values[ObjectIdentifier(loop)] = value
            return value
        }
    }
}
