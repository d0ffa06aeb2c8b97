/// Numbers a fixed list of keys and finds a key's number from its UTF-8 bytes, without
/// building a `String`: how the RPC binder matches answer names, record fields and enum
/// options straight from a request's bytes.
///
/// Bytes are compared exactly. `String` equality is canonical equivalence, so text spelt
/// with other code points (a decomposed "é") is not found here; callers then take the
/// `String` path, which finds it.
///
/// A class: the bindings that hold one are copied out of arrays, and a class costs one
/// retain to copy where three arrays cost three.
final class UTF8KeyTable: @unchecked Sendable {  // immutable after init; `text` is owned and freed here
    /// Every key's bytes, one after another (raw storage: read on every lookup, and an
    /// array would be retained and checked each time).
    private let text: UnsafeMutableBufferPointer<UInt8>
    /// Key `i` is `text[starts[i]..<starts[i + 1]]`.
    private let starts: [Int]
    /// Open addressing over a power-of-two table: key number, or -1 for empty.
    private let table: [Int32]
    private let mask: Int

    init(_ keys: [String]) {
        var text: [UInt8] = [], starts = [0]
        for key in keys {
            text += key.utf8
            starts.append(text.count)
        }
        var size = 4
        while size < keys.count * 2 { size *= 2 }
        var table = [Int32](repeating: -1, count: size)
        text.withUnsafeBufferPointer { bytes in
            for index in keys.indices {
                let key = UnsafeBufferPointer(rebasing: bytes[starts[index]..<starts[index + 1]])
                var at = Self.hash(key) & (size - 1)
                var duplicate = false
                while table[at] >= 0 {
                    // A repeated key keeps its first number, as `firstIndex(of:)` would.
                    if Self.equal(UnsafeBufferPointer(rebasing: bytes[starts[Int(table[at])]..<starts[Int(table[at]) + 1]]), key) { duplicate = true; break }
                    at = (at + 1) & (size - 1)
                }
                if !duplicate { table[at] = Int32(index) }
            }
        }
        self.text = .allocate(capacity: max(text.count, 1))
        _ = self.text.initialize(from: text)
        self.starts = starts
        self.table = table
        mask = size - 1
    }

    deinit { text.deallocate() }

    var count: Int { starts.count - 1 }

    /// Whether key `index` is exactly `bytes`.
    func matches(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        Self.equal(key(index), bytes)
    }

    private func key(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[starts[index]..<starts[index + 1]])
    }

    /// The number of the key spelt exactly `bytes`, nil when there is none.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var at = Self.hash(bytes) & mask
        while true {
            let found = Int(table[at])
            if found < 0 { return nil }
            if Self.equal(key(found), bytes) { return found }
            at = (at + 1) & mask
        }
    }

    /// FNV-1a: keys are short, and the table is built from trusted text only.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// Eight bytes at a time: ids are 10–40 bytes long.
    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        let raw = (UnsafeRawPointer(pa), UnsafeRawPointer(pb))
        var i = 0
        while i + 8 <= a.count {
            guard raw.0.loadUnaligned(fromByteOffset: i, as: UInt64.self) == raw.1.loadUnaligned(fromByteOffset: i, as: UInt64.self) else { return false }
            i += 8
        }
        while i < a.count {
            guard pa[i] == pb[i] else { return false }
            i += 1
        }
        return true
    }
}
