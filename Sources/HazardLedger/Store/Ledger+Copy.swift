extension Ledger {
    /// Copies every row of this ledger into `target`, an empty ledger (freshly created, on either
    /// store), ids, events and hashes unchanged, so the chain verifies on both sides and a head
    /// kept from this one still anchors the copy.
    ///
    /// - Returns: the number of rows copied per table.
    /// - Throws: `LedgerError` `.invalidInput` when `target` already has events; driver errors.
    @discardableResult
    public func copy(to target: Ledger, batch: Int = 2000) async throws -> [String: Int] {
        if let head = try await target.store.head() {
            throw LedgerError(.invalidInput, "the target ledger \(target.location) is not empty (its chain ends at event \(head.seq)); copy into a new one")
        }
        var counts: [String: Int] = [:]
        for table in LedgerTable.allCases {
            let counter = RowCounter()
            try await store.rows(of: table, batch: batch) { page in
                try await target.store.insert(page, into: table)
                await counter.add(page.count)
            }
            counts[table.rawValue] = await counter.count
        }
        return counts
    }
}

private actor RowCounter {
    var count = 0
    func add(_ n: Int) { count += n }
}
