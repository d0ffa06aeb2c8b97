import GRDB
import HazardCore

/// The result of re-computing the hash chain.
public struct ChainReport: Hashable, Sendable, Codable {
    public var events: Int
    /// The first event whose stored hash does not match, nil when the chain is intact.
    public var firstBadEvent: Int64?
    /// The first hazard whose stored row is not the replay of its events (a row edited
    /// behind the ledger's back), checked once the chain is intact.
    public var mismatchedHazard: HazardID? = nil
    public var message: String

    public var isIntact: Bool { firstBadEvent == nil && mismatchedHazard == nil }
}

extension Ledger {
    /// Re-computes every event's hash from the previous hash and the stored content.
    ///
    /// - Throws: GRDB errors.
    public func verifyChain() async throws -> ChainReport {
        try await database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT seq, kind, hazard_id, inspection_id, enterprise_id, actor, role, at, day, payload, hash FROM event ORDER BY seq
                """)
            var previous = ""
            var expectedSeq: Int64 = 1
            var count = 0
            while let row = try rows.next() {
                let seq: Int64 = row[0]
                let stored: String = row[10]
                if seq != expectedSeq {
                    return ChainReport(events: count, firstBadEvent: expectedSeq, message: "event \(expectedSeq) is missing (next stored is \(seq))")
                }
                let hash = ChainedEvent.hash(previous: previous, seq: seq, kind: row[1], hazard: row[2], inspection: row[3], enterprise: row[4],
                                             actor: row[5], role: row[6], at: row[7], day: row[8], payload: row[9])
                if hash != stored {
                    let kind: String = row[1]
                    return ChainReport(events: count, firstBadEvent: seq, message: "event \(seq) (\(kind)) does not match its hash: it, or an earlier event's stored hash, was altered")
                }
                previous = stored
                expectedSeq += 1
                count += 1
            }
            if let (hazard, problem) = try Self.firstMismatchedProjection(db) {
                return ChainReport(events: count, firstBadEvent: nil, mismatchedHazard: hazard,
                                   message: "\(count) events, chain intact, but hazard \(hazard) \(problem): its row was altered")
            }
            return ChainReport(events: count, firstBadEvent: nil, message: "\(count) events, chain intact, every hazard matches its events")
        }
    }

    /// Replays each hazard's events through the lifecycle state machine and compares the
    /// result with the stored row. Rows are projections and not hashed themselves, so this
    /// is what catches a status or plan edited directly in the database.
    static func firstMismatchedProjection(_ db: Database) throws -> (HazardID, String)? {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT hazard_id, kind, actor, role, day, payload, at FROM event WHERE hazard_id IS NOT NULL ORDER BY hazard_id, seq
            """)
        var current: Int64?
        var events: [HazardEvent] = []
        func check(_ id: Int64) throws -> String? {
            let replayed: HazardState
            do {
                replayed = try HazardState.replaying(events)
            } catch {
                return "has events that do not replay (\(error.message))"
            }
            let stored = try HazardRow.fetch(db, id: HazardID(id)).state
            guard stored != replayed else { return nil }
            return "is stored as \(stored.status.rawValue) but its events replay to \(replayed.status.rawValue)"
                + (stored.status == replayed.status ? " with different details" : "")
        }
        while let row = try rows.next() {
            let id: Int64 = row[0], kind: String = row[1], payload: String = row[5]
            if let previous = current, previous != id {
                if let problem = try check(previous) { return (HazardID(previous), problem) }
                events.removeAll(keepingCapacity: true)
            }
            current = id
            guard let change = LifecycleChange.decode(kind: kind, payload: payload) else {
                return (HazardID(id), "has an event of kind \(kind) whose content cannot be read")
            }
            events.append(HazardEvent(change, by: Person.decode(name: row[2], role: row[3], payload: payload), on: Day(daysSinceEpoch: row[4]),
                                      recordedOn: Timestamp(rawValue: row[6]).day))
        }
        if let last = current, let problem = try check(last) { return (HazardID(last), problem) }
        return nil
    }
}
