/// The secret that signs the chain head (`hazard ledger head --key-file`). It lives outside
/// the ledger file, so someone who can edit the file cannot sign a head for a rewritten chain.
public struct ChainKey: Sendable, CustomStringConvertible {
    /// Fewer bytes than this are refused: a short key can be guessed offline from one signed head.
    public static let minimumLength = 16

    let bytes: [UInt8]

    /// - Parameter bytes: the key file's bytes, exactly (a trailing newline is part of the key).
    /// - Throws: `LedgerError` `.invalidInput` for a key shorter than `minimumLength` bytes.
    public init(bytes: [UInt8]) throws(LedgerError) {
        guard bytes.count >= Self.minimumLength else {
            throw LedgerError(.invalidInput, "the chain key has \(bytes.count) bytes; use at least \(Self.minimumLength) (e.g. head -c 32 /dev/urandom > ledger-head.key)")
        }
        self.bytes = bytes
    }

    /// Never the bytes themselves, so a key cannot end up in a log.
    public var description: String { "ChainKey(\(bytes.count) bytes)" }
}
