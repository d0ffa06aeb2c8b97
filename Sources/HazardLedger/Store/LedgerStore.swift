public import HazardCore

/// Where the ledger's rows live: SQLite (one file, the embedded default) or PostgreSQL (one
/// database several `hazard serve` processes share). `Ledger` holds the rules — input checks,
/// the lifecycle state machine, what each event's payload says — and hands a store only
/// prepared writes, so both stores apply the same rules by construction.
///
/// Each write is one transaction that appends its events to the hash chain; writes are
/// serialised on the chain (SQLite's single writer; a transaction-scoped advisory lock on
/// PostgreSQL), so every event's predecessor is the event committed before it.
package protocol LedgerStore: Sendable {
    /// Where the store is, for messages (a path, or a URL without its password).
    var location: String { get }

    /// Inserts or updates an enterprise and appends its `enterprise.registered` event.
    /// `resolve` runs inside the transaction with the enterprise as stored (nil when new) and
    /// returns what to store (throwing refuses the registration), so `Ledger`'s rules decide.
    func register(_ uscc: USCC, by actor: Person, at: Timestamp,
                  resolving resolve: @escaping @Sendable (Enterprise?) throws -> Enterprise) async throws -> EnterpriseRegistration
    func enterprise(_ uscc: USCC) async throws -> Enterprise?
    /// Appends an `enforcement` event and its row; returns the event's seq.
    func recordEnforcement(_ record: EnforcementRecord, by actor: Person, at: Timestamp) async throws -> Int64
    /// Inserts an inspection and its hazards with their events.
    func record(_ draft: InspectionDraft, by actor: Person, at: Timestamp) async throws -> RecordedInspection
    /// Reads the hazard, asks `transition` for its next state (throwing writes nothing), then
    /// appends the event and updates the row, in one transaction.
    func apply(_ change: LifecycleChange, to id: HazardID, by actor: Person, on day: Day, at: Timestamp,
               transition: @escaping @Sendable (HazardState) throws -> HazardState) async throws -> Hazard
    func hazards(_ filter: HazardFilter) async throws -> [Hazard]
    func hazard(_ id: HazardID) async throws -> Hazard
    func detail(_ id: HazardID) async throws -> HazardDetail
    func evaluationJSON(of inspection: InspectionID) async throws -> String
    /// One inspection with its enterprise, hazards and recording event, in one snapshot.
    func inspection(_ id: InspectionID) async throws -> InspectionRecord
    /// The dispatch form for a query `Ledger` has validated.
    func dispatchReport(_ query: DispatchQuery) async throws -> DispatchReport
    func verifyChain(anchor: ChainHead?, key: ChainKey?) async throws -> ChainReport
    func head() async throws -> ChainHead?
    /// Every row of `table` in id order, `batch` rows at a time (`hazard ledger copy`).
    func rows(of table: LedgerTable, batch: Int, _ body: @Sendable ([[SQLValue]]) async throws -> Void) async throws
    /// Inserts rows read from another store, ids and hashes as they are, into an empty ledger.
    func insert(_ rows: [[SQLValue]], into table: LedgerTable) async throws
    /// Releases connections (PostgreSQL); the value is unusable afterwards.
    func close() async
}
