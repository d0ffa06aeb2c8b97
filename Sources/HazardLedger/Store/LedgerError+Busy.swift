import GRDB

extension LedgerError {
    /// `.busy` when `error` is SQLite's "database is locked" (SQLITE_BUSY or SQLITE_LOCKED,
    /// after the busy timeout): another writer held the ledger too long and the same call may
    /// succeed if retried. Nil for any other error.
    public static func busy(from error: any Error) -> LedgerError? {
        guard let error = error as? DatabaseError,
              error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED else { return nil }
        return LedgerError(.busy, "the ledger is busy (another write holds it); retry the call")
    }
}
