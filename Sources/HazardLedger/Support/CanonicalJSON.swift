/// A tiny JSON object writer with keys in the order given (callers pass them sorted), so an
/// event's payload text is canonical and can be re-hashed byte for byte. No Foundation: it
/// runs for every event.
struct CanonicalJSON {
    private(set) var text = "{"
    private var first = true

    mutating func add(_ key: String, _ value: String?) {
        separator(key)
        if let value { Self.quote(value, into: &text) } else { text += "null" }
    }

    mutating func add(_ key: String, _ value: Int?) {
        separator(key)
        text += value.map(String.init) ?? "null"
    }

    mutating func add(_ key: String, _ value: Double?) {
        separator(key)
        text += value.map { $0.isFinite ? String($0) : "null" } ?? "null"
    }

    mutating func add(_ key: String, _ value: Bool) {
        separator(key)
        text += value ? "true" : "false"
    }

    mutating func add(_ key: String, strings: [String]) {
        separator(key)
        text += "["
        for (i, s) in strings.enumerated() {
            if i > 0 { text += "," }
            Self.quote(s, into: &text)
        }
        text += "]"
    }

    /// Adds already-encoded JSON (a nested object or array).
    mutating func add(_ key: String, raw: String) {
        separator(key)
        text += raw
    }

    mutating func finish() -> String {
        text += "}"
        return text
    }

    private mutating func separator(_ key: String) {
        if !first { text += "," }
        first = false
        Self.quote(key, into: &text)
        text += ":"
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        var plain = true
        for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C { plain = false; break }
        if plain {
            out += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        out += "\""
    }
}
