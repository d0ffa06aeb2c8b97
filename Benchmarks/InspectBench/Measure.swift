// A copy of Benchmarks/HazardBench/Measure.swift: each bench is its own executable target.
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock samples of a block, reported as ns per unit (median, min, max).
struct Measurement {
    var name: String
    var samples: [Double] // ns per unit

    var median: Double { let s = samples.sorted(); return s[s.count / 2] }
    var min: Double { samples.min() ?? 0 }
    var max: Double { samples.max() ?? 0 }

    static func run(_ name: String, samples: Int = 15, units: Int, repeat iterations: Int, _ body: () -> Void) -> Measurement {
        for _ in 0..<Swift.max(1, iterations / 10) { body() } // warm-up
        var result: [Double] = []
        for _ in 0..<samples {
            let start = now()
            for _ in 0..<iterations { body() }
            result.append(Double(now() - start) / Double(iterations * units))
        }
        return Measurement(name: name, samples: result)
    }

    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    func line(unit: String = "ns/criterion") -> String {
        func f(_ x: Double) -> String { String(Double(Int(x * 100)) / 100) }
        return "\(name.padding(toLength: 46, withPad: " ", startingAt: 0)) median \(f(median)) \(unit)  (min \(f(min)), max \(f(max)))"
    }
}
