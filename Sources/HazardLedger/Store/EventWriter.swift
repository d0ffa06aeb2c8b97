import GRDB

/// Appends events inside one write transaction, extending the hash chain.
struct EventWriter {
    private(set) var lastSeq: Int64
    private(set) var lastHash: String
    let at: Int64

    init(_ db: Database, at: Timestamp) throws {
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1")) {
            lastSeq = row[0]
            lastHash = row[1]
        } else {
            lastSeq = 0
            lastHash = ""
        }
        self.at = at.rawValue
    }

    /// Appends one event and returns its sequence number.
    @discardableResult
    mutating func append(_ db: Database, kind: String, hazard: Int64?, inspection: Int64?, enterprise: Int64?,
                         actor: Person, day: Int, payload: String) throws -> Int64 {
        let seq = lastSeq + 1
        let hash = ChainedEvent.hash(previous: lastHash, seq: seq, kind: kind, hazard: hazard, inspection: inspection, enterprise: enterprise,
                                     actor: actor.name, role: actor.role, at: at, day: day, payload: payload)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO event (seq, kind, hazard_id, inspection_id, enterprise_id, actor, role, at, day, payload, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insert = RawInsert(statement)
        insert.bind(1, seq)
        insert.bind(2, kind)
        insert.bind(3, hazard)
        insert.bind(4, inspection)
        insert.bind(5, enterprise)
        insert.bind(6, actor.name)
        insert.bind(7, actor.role)
        insert.bind(8, at)
        insert.bind(9, day)
        insert.bind(10, payload)
        insert.bind(11, hash)
        try insert.run(db)
        lastSeq = seq
        lastHash = hash
        return seq
    }
}
