/// Why a payload is not JSON, located by byte offset into the payload.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case unexpectedEnd, unexpectedByte, invalidNumber, invalidEscape, invalidUnicodeEscape
        case controlCharacterInString, invalidUTF8, trailingContent, tooDeep
    }

    public var code: Code
    /// Zero-based byte offset of the offending byte.
    public var offset: Int
    public var message: String

    public init(_ code: Code, at offset: Int, _ message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    public var description: String { "byte \(offset): \(message) [\(code.rawValue)]" }
}
