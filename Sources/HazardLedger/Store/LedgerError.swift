/// Failures of the ledger that are not lifecycle rules: bad input, unknown rows, a database
/// from a newer version.
public struct LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable, Codable {
        case invalidUSCC
        case invalidRegion
        case invalidInput
        case unknownEnterprise
        case unknownHazard
        case unknownInspection
        case newerSchema
        case corruptRow
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "error: \(message) [\(code.rawValue)]" }
}
