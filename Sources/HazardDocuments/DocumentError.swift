/// Why a document could not be made or printed. `path` is the file concerned, if any.
public struct DocumentError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        /// No headless browser to print with.
        case browserMissing
        /// The browser ran but produced no PDF.
        case printFailed
        /// The browser did not finish within the time allowed.
        case printTimedOut
        /// A file could not be written.
        case writeFailed
        /// The ledger holds nothing for this document (e.g. a review before any verification).
        case nothingToDocument
        /// The stored evaluation could not be read.
        case unreadableEvaluation
    }

    public var code: Code
    public var message: String
    public var path: String?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String { "\(path.map { "\($0): " } ?? "")error: \(message) [\(code.rawValue)]" }
}
