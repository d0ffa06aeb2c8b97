/// Failures of the ledger that are not lifecycle rules: bad input, unknown rows, a database
/// from a newer version.
public struct LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        case invalidUSCC
        case invalidRegion
        case invalidInput
        /// A date outside what the ledger accepts (an inspection before 2002-11-01 or after tomorrow).
        case implausibleDate
        /// The database is locked by another writer (SQLITE_BUSY) past the busy timeout: retry.
        case busy
        case unknownEnterprise
        case unknownHazard
        case unknownInspection
        case newerSchema
        case corruptRow
        /// The database accepts no writes (a PostgreSQL hot standby, or a session that is
        /// read-only by default): a write was refused, or the schema is missing or behind this
        /// build and cannot be created or migrated there.
        case readOnly
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The error for a hazard id the ledger does not have (also used, word for word, for one
    /// the caller may not see).
    public static func unknownHazard(_ id: HazardID) -> LedgerError {
        LedgerError(.unknownHazard, "no hazard \(id) in the ledger")
    }

    public var description: String { "error: \(message) [\(code.rawValue)]" }
}
