import Foundation
import HazardCore
@testable import HazardLedger
import Testing

/// Two ledgers on one PostgreSQL schema, each with its own connection pool: what two
/// `hazard serve` processes sharing a database do.
@Suite("PostgreSQL: concurrent writers keep one chain")
struct PostgresConcurrencyTests {
    @Test("racing transitions on the same hazards: exactly one wins, the other gets IllegalTransition")
    func racingTransitions() async throws {
        guard StoreKind.postgresURL != nil else { return }
        let location = try StoreKind.freshPostgres()
        let clock = FixedClock(Timestamp(day: LedgerFixture.today, seconds: 3600))
        let a = try await Ledger.open(.postgres(location), clock: clock)
        let b = try await Ledger.open(.postgres(location), clock: clock)
        let f = try await LedgerFixture(ledger: a)
        let recorded = try await f.record(major: 0, general: 20)
        let results = try await withThrowingTaskGroup(of: (Bool, Bool).self) { group in
            for id in recorded.hazards {
                group.addTask {
                    async let first = Self.outcome { try await a.rectify(id, note: "a", by: f.owner, on: LedgerFixture.day) }
                    async let second = Self.outcome { try await b.rectify(id, note: "b", by: f.owner, on: LedgerFixture.day) }
                    return try await (first, second)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 20)
        #expect(results.allSatisfy { $0.0 != $0.1 }, "exactly one of each pair wins")
        let report = try await b.verifyChain()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.events == 1 + 1 + 20 + 20)
        await a.close()
        await b.close()
    }

    @Test("concurrent inspections through two pools append to one chain")
    func concurrentAppends() async throws {
        guard StoreKind.postgresURL != nil else { return }
        let location = try StoreKind.freshPostgres()
        let clock = FixedClock(Timestamp(day: LedgerFixture.today, seconds: 3600))
        let a = try await Ledger.open(.postgres(location), clock: clock)
        let b = try await Ledger.open(.postgres(location), clock: clock)
        let f = try await LedgerFixture(ledger: a)
        let evaluation = try SampleEvaluation.make(version: "1.0.0", date: LedgerFixture.day, major: 1, general: 2, compliant: 1)
        let input = f.input()
        let ids = try await withThrowingTaskGroup(of: RecordedInspection.self) { group in
            for i in 0..<40 {
                let ledger = i.isMultiple(of: 2) ? a : b
                group.addTask { try await ledger.record(input, evaluation: evaluation, by: f.inspector) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(ids.map(\.inspection)).count == 40)
        #expect(Set(ids.flatMap(\.hazards)).count == 120)
        let report = try await a.verifyChain()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.events == 1 + 40 * 4)
        await a.close()
        await b.close()
    }

    /// True when `body` succeeded, false when it was refused as an illegal transition.
    static func outcome(_ body: @Sendable () async throws -> Hazard) async throws -> Bool {
        do { _ = try await body(); return true } catch is IllegalTransition { return false }
    }
}
