public import HazardCore

/// HMAC-SHA256 (RFC 2104, tested against RFC 4231) over the core's SHA-256, so the ledger
/// can sign its chain head without a crypto dependency.
public enum HMACSHA256 {
    static let blockSize = 64

    /// The 32-byte MAC of `message` under `key`.
    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > blockSize ? digest(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = digest(block.map { $0 ^ 0x36 } + message)
        return digest(block.map { $0 ^ 0x5c } + inner)
    }

    /// Lower-case hex of `mac(key:message:)`.
    public static func hex(key: [UInt8], message: [UInt8]) -> String {
        SHA256.hexString(mac(key: key, message: message))
    }

    /// Compares two MACs (hex) in time that does not depend on where they differ.
    public static func matches(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    private static func digest(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(bytes: $0) }
        return hasher.finalize()
    }
}
