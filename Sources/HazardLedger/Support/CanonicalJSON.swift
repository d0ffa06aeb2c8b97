/// A small JSON object writer with keys in the order given (callers pass them sorted), so an
/// event's payload text is canonical and can be re-hashed byte for byte. No Foundation, and
/// bytes rather than `String` appends: it runs for every event and every stored evaluation.
struct CanonicalJSON {
    private(set) var bytes: [UInt8]
    private var first = true

    init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func add(_ key: String, _ value: String?) {
        separator(key)
        if let value { Self.quote(value, into: &bytes) } else { null() }
    }

    mutating func add(_ key: String, _ value: Int?) {
        separator(key)
        if let value { bytes.append(contentsOf: String(value).utf8) } else { null() }
    }

    mutating func add(_ key: String, _ value: Double?) {
        separator(key)
        if let value, value.isFinite { bytes.append(contentsOf: String(value).utf8) } else { null() }
    }

    mutating func add(_ key: String, _ value: Bool) {
        separator(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func add(_ key: String, strings: [String]) {
        separator(key)
        bytes.append(UInt8(ascii: "["))
        for (i, s) in strings.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.quote(s, into: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Adds already-encoded JSON (a number, a literal, an array).
    mutating func add(_ key: String, raw: [UInt8]) {
        separator(key)
        bytes.append(contentsOf: raw)
    }

    /// Adds a nested object.
    mutating func add(_ key: String, object: CanonicalJSON) {
        separator(key)
        bytes.append(contentsOf: object.bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Adds an array of nested objects.
    mutating func add(_ key: String, objects: [CanonicalJSON]) {
        separator(key)
        bytes.append(UInt8(ascii: "["))
        for (i, o) in objects.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: o.bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The finished object's bytes.
    var objectBytes: [UInt8] {
        var out = bytes
        out.append(UInt8(ascii: "}"))
        return out
    }

    mutating func finish() -> String {
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func null() { bytes.append(contentsOf: "null".utf8) }

    private mutating func separator(_ key: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        Self.quote(key, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most text needs no escaping: copy it in one go.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(u)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(u)
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(u >> 4)])
                out.append(hex[Int(u & 0xF)])
            default: out.append(u)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
