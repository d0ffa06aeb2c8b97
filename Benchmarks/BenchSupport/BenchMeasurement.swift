import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock samples of a block, reported as ns per unit (median, min, max). Named apart from
/// Foundation's `Measurement`, which the benches also import. `run` is inlinable so the timed
/// loop compiles into the bench, specialised on its body, as when each bench kept a copy.
public struct BenchMeasurement: Sendable {
    public var name: String
    public var samples: [Double] // ns per unit

    public init(name: String, samples: [Double]) {
        self.name = name
        self.samples = samples
    }

    public var median: Double { let s = samples.sorted(); return s.isEmpty ? 0 : s[s.count / 2] }
    public var min: Double { samples.min() ?? 0 }
    public var max: Double { samples.max() ?? 0 }

    @inlinable
    public static func run(_ name: String, samples: Int = 15, units: Int, repeat iterations: Int, _ body: () -> Void) -> BenchMeasurement {
        for _ in 0..<Swift.max(1, iterations / 10) { body() } // warm-up
        var result: [Double] = []
        for _ in 0..<samples {
            let start = now()
            for _ in 0..<iterations { body() }
            result.append(Double(now() - start) / Double(iterations * units))
        }
        return BenchMeasurement(name: name, samples: result)
    }

    /// CLOCK_MONOTONIC in nanoseconds.
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    public func line(unit: String = "ns/criterion") -> String {
        func f(_ x: Double) -> String { String(Double(Int(x * 100)) / 100) }
        return "\(name.padding(toLength: 46, withPad: " ", startingAt: 0)) median \(f(median)) \(unit)  (min \(f(min)), max \(f(max)))"
    }
}
