import HazardCore
import Testing
import TransportPlugin

private let plugin = TransportPlugin()
private let inspection = Day(iso: "2026-06-15")

private func derive(_ values: [QuestionID: Value]) throws -> Facts {
    try plugin.derive(from: Answers(values, inspectionDate: inspection))
}

/// A limit pair at a boundary: just under, at, just over the limit.
struct Boundary: Sendable, CustomTestStringConvertible {
    var actual: Double
    var limit: Double
    var exceeded: Bool
    var testDescription: String { "\(Value.format(actual)) vs \(Value.format(limit)) → \(exceeded ? "超过" : "未超过")" }
}

@Suite("第三条第（三）项 三超一疲劳")
struct TransportPluginTests {
    @Test("超载: 实际装载质量超过核定载质量 (>), equal is not overload",
          arguments: [Boundary(actual: 9.9, limit: 10, exceeded: false),
                      Boundary(actual: 10, limit: 10, exceeded: false),
                      Boundary(actual: 10.1, limit: 10, exceeded: true),
                      Boundary(actual: 0, limit: 31, exceeded: false),
                      Boundary(actual: 49, limit: 31, exceeded: true)])
    func overload(_ b: Boundary) throws {
        let facts = try derive([TransportPlugin.actualLoad: .number(b.actual), TransportPlugin.approvedLoad: .number(b.limit)])
        #expect(facts["overloaded"] == .bool(b.exceeded))
        let ratio = try #require(facts["load_ratio"]?.number)
        #expect(abs(ratio - b.actual / b.limit) < 1e-12)
    }

    @Test("超员: 实际载客人数超过核定载客人数 (>)",
          arguments: [Boundary(actual: 44, limit: 45, exceeded: false),
                      Boundary(actual: 45, limit: 45, exceeded: false),
                      Boundary(actual: 46, limit: 45, exceeded: true)])
    func overCapacity(_ b: Boundary) throws {
        let facts = try derive([TransportPlugin.actualPassengers: .number(b.actual), TransportPlugin.approvedPassengers: .number(b.limit)])
        #expect(facts["over_capacity"] == .bool(b.exceeded))
        #expect(facts["passenger_ratio"] == .number(b.actual / b.limit))
    }

    @Test("超速: 行驶速度超过限速 (>)",
          arguments: [Boundary(actual: 99, limit: 100, exceeded: false),
                      Boundary(actual: 100, limit: 100, exceeded: false),
                      Boundary(actual: 101, limit: 100, exceeded: true),
                      Boundary(actual: 150, limit: 100, exceeded: true)])
    func speeding(_ b: Boundary) throws {
        let facts = try derive([TransportPlugin.speed: .number(b.actual), TransportPlugin.speedLimit: .number(b.limit)])
        #expect(facts["speeding"] == .bool(b.exceeded))
        #expect(facts["speed_ratio"] == .number(b.actual / b.limit))
    }

    @Test("疲劳驾驶: 连续驾驶时间超过限值 (>)",
          arguments: [Boundary(actual: 3.9, limit: 4, exceeded: false),
                      Boundary(actual: 4, limit: 4, exceeded: false),
                      Boundary(actual: 4.1, limit: 4, exceeded: true)])
    func continuousDriving(_ b: Boundary) throws {
        let facts = try derive([TransportPlugin.continuousDriving: .number(b.actual), TransportPlugin.continuousDrivingLimit: .number(b.limit)])
        #expect(facts["continuous_driving_exceeded"] == .bool(b.exceeded))
        let excess = try #require(facts["continuous_driving_excess_h"]?.number)
        #expect(abs(excess - (b.actual - b.limit)) < 1e-12)
        // The daily pair is unanswered: fatigue is known only when the continuous limit is exceeded.
        #expect(facts["fatigued"] == (b.exceeded ? .bool(true) : nil))
    }

    @Test("疲劳驾驶: 日累计驾驶时间超过限值 (>)",
          arguments: [Boundary(actual: 7.9, limit: 8, exceeded: false),
                      Boundary(actual: 8, limit: 8, exceeded: false),
                      Boundary(actual: 8.1, limit: 8, exceeded: true)])
    func dailyDriving(_ b: Boundary) throws {
        let facts = try derive([TransportPlugin.dailyDriving: .number(b.actual), TransportPlugin.dailyDrivingLimit: .number(b.limit)])
        #expect(facts["daily_driving_exceeded"] == .bool(b.exceeded))
        let excess = try #require(facts["daily_driving_excess_h"]?.number)
        #expect(abs(excess - (b.actual - b.limit)) < 1e-12)
        #expect(facts["fatigued"] == (b.exceeded ? .bool(true) : nil))
    }

    @Test("疲劳驾驶 is either limit exceeded; false only when both are known and within",
          arguments: [(3.0, 7.0, false), (4.5, 7.0, true), (3.0, 9.0, true), (4.5, 9.0, true), (4.0, 8.0, false)])
    func fatigue(continuous: Double, daily: Double, fatigued: Bool) throws {
        let facts = try derive([
            TransportPlugin.continuousDriving: .number(continuous), TransportPlugin.continuousDrivingLimit: .number(4),
            TransportPlugin.dailyDriving: .number(daily), TransportPlugin.dailyDrivingLimit: .number(8),
        ])
        #expect(facts["fatigued"] == .bool(fatigued))
    }

    @Test("a fact is unknown while either question of its pair is unanswered",
          arguments: [
            ([TransportPlugin.actualLoad], ["load_ratio", "overloaded"]),
            ([TransportPlugin.approvedLoad], ["load_ratio", "overloaded"]),
            ([TransportPlugin.actualPassengers], ["passenger_ratio", "over_capacity"]),
            ([TransportPlugin.approvedPassengers], ["passenger_ratio", "over_capacity"]),
            ([TransportPlugin.speed], ["speed_ratio", "speeding"]),
            ([TransportPlugin.speedLimit], ["speed_ratio", "speeding"]),
            ([TransportPlugin.continuousDriving], ["continuous_driving_excess_h", "continuous_driving_exceeded", "fatigued"]),
            ([TransportPlugin.dailyDrivingLimit], ["daily_driving_excess_h", "daily_driving_exceeded", "fatigued"]),
          ] as [([QuestionID], [String])])
    func unansweredPairs(answered: [QuestionID], absent: [String]) throws {
        var values: [QuestionID: Value] = [:]
        for id in answered { values[id] = .number(5) }
        let facts = try derive(values)
        for name in absent { #expect(facts[name] == nil, "\(name) should be unknown") }
    }

    @Test("no answers, no facts")
    func empty() throws {
        #expect(try derive([:]).values.isEmpty)
    }

    @Test("a full record derives every declared fact, and only declared facts")
    func declaredFacts() throws {
        let facts = try derive([
            TransportPlugin.actualLoad: .number(12), TransportPlugin.approvedLoad: .number(10),
            TransportPlugin.actualPassengers: .number(0), TransportPlugin.approvedPassengers: .number(2),
            TransportPlugin.speed: .number(80), TransportPlugin.speedLimit: .number(100),
            TransportPlugin.continuousDriving: .number(2), TransportPlugin.continuousDrivingLimit: .number(4),
            TransportPlugin.dailyDriving: .number(6), TransportPlugin.dailyDrivingLimit: .number(8),
        ])
        #expect(Set(facts.values.keys) == Set(plugin.declaredFacts.map(\.name)))
        #expect(facts["overloaded"] == .bool(true))
        #expect(facts["load_ratio"] == .number(1.2))
        #expect(facts["speeding"] == .bool(false))
        #expect(facts["fatigued"] == .bool(false))
        #expect(plugin.id == "transport")
        #expect(Set(plugin.declaredInputs.map(\.question)).count == 10)
    }

    @Test("a limit that is not positive is an answer error",
          arguments: [(TransportPlugin.approvedLoad, TransportPlugin.actualLoad, 0.0),
                      (TransportPlugin.approvedPassengers, TransportPlugin.actualPassengers, -45.0),
                      (TransportPlugin.speedLimit, TransportPlugin.speed, 0.0),
                      (TransportPlugin.continuousDrivingLimit, TransportPlugin.continuousDriving, 0.0),
                      (TransportPlugin.dailyDrivingLimit, TransportPlugin.dailyDriving, -1.0)])
    func badLimit(limit: QuestionID, actual: QuestionID, value: Double) {
        #expect {
            _ = try derive([actual: .number(1), limit: .number(value)])
        } throws: { error in
            (error as? PluginError)?.code == "transport.limit_not_positive" && (error as? PluginError)?.question == limit
        }
    }

    @Test("a negative measured value is an answer error")
    func negativeActual() {
        #expect {
            _ = try derive([TransportPlugin.speed: .number(-1), TransportPlugin.speedLimit: .number(60)])
        } throws: { error in
            (error as? PluginError)?.code == "transport.negative_value"
        }
    }
}
