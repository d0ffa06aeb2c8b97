import GRDB
public import HazardCore

extension Ledger {
    /// Applies one lifecycle change to a hazard: checks it against the state machine, appends
    /// the event and updates the projection, in one transaction. A refused change writes nothing.
    ///
    /// - Throws: `IllegalTransition` when the hazard's state does not allow it; `LedgerError`
    ///   `.unknownHazard`; GRDB errors.
    @discardableResult
    public func apply(_ change: LifecycleChange, to id: HazardID, by actor: Person, on day: Day) async throws -> Hazard {
        if case .reported = change { throw IllegalTransition(.alreadyReported, "hazards are reported by recording an inspection") }
        let at = clock.now()
        let event = HazardEvent(change, by: actor, on: day, recordedOn: at.day)
        return try await store.apply(change, to: id, by: actor, on: day, at: at) { state in try state.admitting(event) }
    }

    /// Records a rectification plan (五落实 for a major hazard).
    @discardableResult
    public func plan(_ plan: RectificationPlan, for id: HazardID, by actor: Person, on day: Day) async throws -> Hazard {
        try await apply(.planned(plan), to: id, by: actor, on: day)
    }

    /// Records that the hazard was rectified (on the spot for a general hazard still `reported`).
    @discardableResult
    public func rectify(_ id: HazardID, note: String? = nil, by actor: Person, on day: Day) async throws -> Hazard {
        try await apply(.rectified(note: note), to: id, by: actor, on: day)
    }

    /// Verification passed: closes the hazard (销号). The verifier must not be the rectifier.
    @discardableResult
    public func verify(_ id: HazardID, note: String? = nil, by actor: Person, on day: Day) async throws -> Hazard {
        try await apply(.verified(note: note), to: id, by: actor, on: day)
    }

    /// Verification failed: back to rectifying.
    @discardableResult
    public func reject(_ id: HazardID, reason: String, by actor: Person, on day: Day) async throws -> Hazard {
        try await apply(.rejected(reason: reason), to: id, by: actor, on: day)
    }

    /// Puts a major hazard under government supervision (挂牌督办).
    @discardableResult
    public func supervise(_ id: HazardID, authority: String, deadline: Day?, by actor: Person, on day: Day) async throws -> Hazard {
        try await apply(.supervised(authority: authority, deadline: deadline), to: id, by: actor, on: day)
    }

    /// Lifts supervision (摘牌).
    @discardableResult
    public func unsupervise(_ id: HazardID, note: String? = nil, by actor: Person, on day: Day) async throws -> Hazard {
        try await apply(.unsupervised(note: note), to: id, by: actor, on: day)
    }

    /// The event's canonical payload: what changed, and (first, as `acting`) the credential the
    /// actor came through when there is one, so a replay applies the four-eyes rule as the
    /// write did.
    static func payload(_ change: LifecycleChange, by actor: Person) -> String {
        var p = CanonicalJSON()
        if let principal = actor.principal {
            var acting = CanonicalJSON()
            acting.add("principal", principal)
            acting.add("shared", actor.actsForSeveral)
            p.add("acting", object: acting)
        }
        switch change {
        case .reported(let grade):
            p.add("grade", grade.rawValue)
        case .planned(let plan):
            p.add("contingency", plan.contingency)
            p.add("deadline", plan.deadline?.description)
            p.add("funds", plan.funds)
            p.add("measures", plan.measures)
            p.add("responsible", plan.responsible)
        case .rectified(let note), .verified(let note), .unsupervised(let note):
            p.add("note", note)
        case .rejected(let reason):
            p.add("reason", reason)
        case .supervised(let authority, let deadline):
            p.add("authority", authority)
            p.add("deadline", deadline?.description)
        }
        return p.finish()
    }
}

extension SQLiteLedgerStore {
    func apply(_ change: LifecycleChange, to id: HazardID, by actor: Person, on day: Day, at: Timestamp,
               transition: @escaping @Sendable (HazardState) throws -> HazardState) async throws -> Hazard {
        try await database.write { db in
            var hazard = try Self.fetchHazard(db, id: id)
            let next = try transition(hazard.state)
            var events = try EventWriter(db, at: at)
            let enterprise = try Int64.fetchOne(db, sql: "SELECT enterprise_id FROM hazard WHERE id = ?", arguments: [id.rawValue])
            let seq = try events.append(db, kind: change.kind, hazard: id.rawValue, inspection: hazard.inspection.rawValue, enterprise: enterprise,
                                        actor: actor, day: day.daysSinceEpoch, payload: Ledger.payload(change, by: actor))
            let update = HazardRow.update(id: id, state: next, lastEvent: seq)
            try db.execute(sql: update.sql, arguments: update.statementArguments)
            hazard.state = next
            return hazard
        }
    }
}
