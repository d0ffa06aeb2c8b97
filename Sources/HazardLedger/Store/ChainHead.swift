/// The last event's seq and hash, optionally signed: what an operator keeps outside the ledger
/// (`hazard ledger head`) and later hands to `verify-chain --head`.
///
/// The chain only proves that each event follows the one before it; whoever can write the
/// file can delete the last events, or edit one and recompute every later hash. A head kept
/// elsewhere catches both: a chain shorter than it was truncated, and a different hash at its
/// seq means the history up to it was rewritten. The HMAC stops a head kept in a place the
/// same person can edit from being replaced by one for the rewritten chain.
public struct ChainHead: Hashable, Sendable, CustomStringConvertible {
    public var seq: Int64
    public var hash: String
    /// HMAC-SHA256 hex over `signedText` under a `ChainKey`; nil when unsigned.
    public var hmac: String?

    public init(seq: Int64, hash: String, hmac: String? = nil) {
        self.seq = seq
        self.hash = hash
        self.hmac = hmac
    }

    /// Parses `SEQ:HASH` or `SEQ:HASH:HMAC` (what `description` prints); nil when malformed.
    public init?(parsing text: String) {
        let parts = text.trimmingWhitespace.lowercased().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, let seq = Int64(parts[0]), seq > 0,
              Self.isHex(parts[1], length: 64) else { return nil }
        if parts.count == 3 { guard Self.isHex(parts[2], length: 64) else { return nil } }
        self.init(seq: seq, hash: parts[1], hmac: parts.count == 3 ? parts[2] : nil)
    }

    /// What the HMAC covers: a versioned label, the seq and the hash.
    public var signedText: String { "hazard-ledger-head/v1:\(seq):\(hash)" }

    /// This head signed with `key`.
    public func signed(with key: ChainKey) -> ChainHead {
        ChainHead(seq: seq, hash: hash, hmac: HMACSHA256.hex(key: key.bytes, message: Array(signedText.utf8)))
    }

    /// True when it carries an HMAC and the HMAC is this head's under `key`.
    public func isSigned(by key: ChainKey) -> Bool {
        guard let hmac else { return false }
        return HMACSHA256.matches(hmac, signed(with: key).hmac ?? "")
    }

    /// `SEQ:HASH[:HMAC]`, the form `verify-chain --head` takes.
    public var description: String { "\(seq):\(hash)" + (hmac.map { ":\($0)" } ?? "") }

    private static func isHex(_ text: String, length: Int) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

private extension String {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
