import GRDB

/// The result of re-computing the hash chain.
public struct ChainReport: Hashable, Sendable, Codable {
    public var events: Int
    /// The first event whose stored hash does not match, nil when the chain is intact.
    public var firstBadEvent: Int64?
    public var message: String

    public var isIntact: Bool { firstBadEvent == nil }
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
            return ChainReport(events: count, firstBadEvent: nil, message: "\(count) events, chain intact")
        }
    }
}
