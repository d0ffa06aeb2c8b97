/// A strict RFC 8259 reader: accepts exactly the JSON grammar, rejects everything else with a
/// `JSONError` naming the byte offset. Strings must be valid UTF-8 and lone surrogate escapes
/// are rejected (a Swift `String` cannot hold them). Nesting is limited (`maximumDepth`) so a
/// hostile document cannot exhaust the stack.
///
/// It exists because Foundation's JSON is 5–20× slower on the request sizes this server sees
/// (see `Benchmarks/RPCJSONBench`) and rounds large integers.
public struct JSONReader: ~Copyable {
    public static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Where the tokens go (see `JSONTape`); the tree readers materialise it afterwards.
    private var tokens: [JSONTape.Token]
    /// Decoded text of an escaped string, kept to check it is valid UTF-8.
    private var unescapedScratch: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>, tokens: consuming [JSONTape.Token]) {
        self.bytes = bytes
        self.tokens = tokens
    }

    /// Reads one JSON document (any value, surrounded by optional whitespace) into `tape`,
    /// replacing what it held; the tape then indexes `bytes`.
    ///
    /// - Throws: `JSONError` at the first byte that does not fit the grammar (the tape is
    ///   left empty).
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, into tape: inout JSONTape) throws(JSONError) {
        guard bytes.count < Int(UInt32.max) else {
            throw JSONError(.unexpectedByte, at: 0, "document of \(bytes.count) bytes is too long")
        }
        tape.removeAll()
        var reader = JSONReader(bytes, tokens: tape.tokens)
        tape.tokens = []
        defer { tape.tokens = reader.tokens }
        do throws(JSONError) {
            reader.skipWhitespace()
            try reader.readValue()
            reader.skipWhitespace()
            guard reader.index == bytes.count else {
                throw JSONError(.trailingContent, at: reader.index, "unexpected content after the JSON value")
            }
        } catch {
            reader.tokens.removeAll(keepingCapacity: true)
            throw error
        }
    }

    /// Reads one JSON document (any value, surrounded by optional whitespace).
    ///
    /// - Throws: `JSONError` at the first byte that does not fit the grammar.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> JSONValue {
        var tape = JSONTape()
        try read(bytes, into: &tape)
        return tape.value(in: bytes)
    }

    /// Reads one JSON document from bytes.
    ///
    /// - Throws: `JSONError`.
    public static func read(_ bytes: some Collection<UInt8>) throws(JSONError) -> JSONValue {
        let result: Result<JSONValue, JSONError>? = bytes.withContiguousStorageIfAvailable { buffer in
            do throws(JSONError) { return .success(try read(buffer)) } catch { return .failure(error) }
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer throws(JSONError) in try read(buffer) }
    }

    /// Reads one JSON document from a string.
    ///
    /// - Throws: `JSONError`.
    public static func read(_ text: String) throws(JSONError) -> JSONValue {
        try read(Array(text.utf8))
    }

    // MARK: Values

    private mutating func token(_ kind: JSONTape.Kind, from start: Int, to end: Int) {
        let at = UInt32(truncatingIfNeeded: tokens.count)
        tokens.append(JSONTape.Token(kind: kind, start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end), next: at + 1, count: 0))
    }

    private mutating func readValue() throws(JSONError) {
        guard index < bytes.count else { throw JSONError(.unexpectedEnd, at: index, "expected a value, found the end") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): try readObject()
        case UInt8(ascii: "["): try readArray()
        case UInt8(ascii: "\""): try readString()
        case UInt8(ascii: "t"): try expectLiteral("true"); token(.true, from: start, to: index)
        case UInt8(ascii: "f"): try expectLiteral("false"); token(.false, from: start, to: index)
        case UInt8(ascii: "n"): try expectLiteral("null"); token(.null, from: start, to: index)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try readNumber()
        default: throw unexpected("expected a value")
        }
    }

    /// Opens a container's token; `close` fills in its end, subtree and count.
    private mutating func open(_ kind: JSONTape.Kind) throws(JSONError) -> Int {
        try enter()
        let at = tokens.count
        token(kind, from: index, to: index)
        index += 1
        return at
    }

    private mutating func close(_ at: Int, count: Int) {
        index += 1
        depth -= 1
        tokens[at].end = UInt32(truncatingIfNeeded: index)
        tokens[at].next = UInt32(truncatingIfNeeded: tokens.count)
        tokens[at].count = UInt32(truncatingIfNeeded: count)
    }

    private mutating func readObject() throws(JSONError) {
        let at = try open(.object)
        var count = 0
        skipWhitespace()
        if peek == UInt8(ascii: "}") { close(at, count: 0); return }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw unexpected("expected a member name in quotes") }
            try readString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw unexpected("expected ':' after the member name") }
            index += 1
            skipWhitespace()
            try readValue()
            count += 1
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): close(at, count: count); return
            default: throw unexpected("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func readArray() throws(JSONError) {
        let at = try open(.array)
        var count = 0
        skipWhitespace()
        if peek == UInt8(ascii: "]") { close(at, count: 0); return }
        while true {
            skipWhitespace()
            try readValue()
            count += 1
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): close(at, count: count); return
            default: throw unexpected("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func enter() throws(JSONError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw JSONError(.tooDeep, at: index, "nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        // The whole literal at once when it is there (answers are mostly true and false); the
        // bytewise loop below finds where a wrong one goes wrong.
        if index + count <= bytes.count, let base = bytes.baseAddress,
           UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self) == UnsafeRawPointer(start).loadUnaligned(as: UInt32.self),
           count == 4 || bytes[index + 4] == start[4] {
            index += count
            return
        }
        for k in 0..<count {
            guard index + k < bytes.count else { throw JSONError(.unexpectedEnd, at: index + k, "unexpected end inside '\(literal)'") }
            guard bytes[index + k] == start[k] else { throw JSONError(.unexpectedByte, at: index + k, "invalid literal, expected '\(literal)'") }
        }
        index += count
    }

    // MARK: Numbers

    private mutating func readNumber() throws(JSONError) {
        let start = index
        guard let end = Self.numberEnd(bytes, from: index) else {
            throw JSONError(.invalidNumber, at: Self.numberErrorOffset(bytes, from: index), "invalid number")
        }
        index = end
        token(.number, from: start, to: end)
    }

    /// Whether all of `bytes` is one JSON number.
    static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { numberEnd(bytes, from: 0) == bytes.count }

    /// End of the number starting at `i`: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private static func numberEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9") }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return nil }
        if b[i] == UInt8(ascii: "0") { i += 1 } else { while isDigit(i) { i += 1 } }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { return nil }
            while isDigit(i) { i += 1 }
        }
        return i
    }

    /// The first byte where a number goes wrong, for the error offset.
    private static func numberErrorOffset(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        while i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "e")
            || b[i] == UInt8(ascii: "E") || b[i] == UInt8(ascii: "+") || (b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9")) {
            i += 1
        }
        return min(i, max(start, i - 1))
    }

    // MARK: Strings

    private mutating func readString() throws(JSONError) {
        index += 1  // opening quote
        let start = index
        var bits: UInt8 = 0
        // Fast path: no escapes. Eight bytes at a time while none of them ends the string, starts an
        // escape or is a control character (the writer's test); `wide` gathers their high bits.
        var wide: UInt64 = 0
        let base = UnsafeRawPointer(bytes.baseAddress)
        while index < bytes.count {
            if index + 8 <= bytes.count, let base {
                // Little-endian order whatever the machine's: the first byte is the lowest.
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let mask = JSONWriter.escapeMask(word)
                if mask == 0 {
                    wide |= word
                    index += 8
                    continue
                }
                // Skip the clean bytes before the first flagged one, which the bytewise
                // step below then reads.
                let clean = mask.trailingZeroBitCount / 8
                wide |= word & ((1 << UInt64(clean * 8)) &- 1)
                index += clean
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if wide & 0x8080_8080_8080_8080 != 0 { bits |= 0x80 }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                // ASCII (most keys and values) is valid UTF-8 as it stands; other text is checked
                // here, so decoding never has to repair anything.
                guard bits < 0x80 || Self.isValidUTF8(slice) else {
                    throw JSONError(.invalidUTF8, at: Self.firstInvalidUTF8(slice) + start, "string is not valid UTF-8")
                }
                token(.string, from: start, to: index)
                index += 1
                return
            }
            bits |= byte
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw JSONError(.controlCharacterInString, at: index, "unescaped control character in a string") }
            index += 1
        }
        guard index < bytes.count else { throw JSONError(.unexpectedEnd, at: index, "unterminated string") }
        // Slow path: decode the escapes, so the text can be checked as UTF-8 as a whole.
        var out = unescapedScratch
        unescapedScratch = []
        defer { unescapedScratch = out }
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                guard out.withUnsafeBufferPointer(Self.isValidUTF8) else {
                    throw JSONError(.invalidUTF8, at: start, "string is not valid UTF-8")
                }
                token(.escapedString, from: start, to: index)
                index += 1
                return
            case UInt8(ascii: "\\"):
                try readEscape(into: &out)
            case 0..<0x20:
                throw JSONError(.controlCharacterInString, at: index, "unescaped control character in a string")
            default:
                out.append(byte)
                index += 1
            }
        }
        throw JSONError(.unexpectedEnd, at: index, "unterminated string")
    }

    /// The text of an escaped string's raw bytes (between its quotes), which the reader
    /// already checked: every escape is well formed.
    static func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var reader = JSONReader(raw, tokens: [])
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        while reader.index < raw.count {
            if raw[reader.index] == UInt8(ascii: "\\") {
                // Cannot fail on checked text; stop rather than trap if it ever did.
                do throws(JSONError) { try reader.readEscape(into: &out) } catch { break }
            } else {
                out.append(raw[reader.index])
                reader.index += 1
            }
        }
        return out
    }

    private mutating func readEscape(into out: inout [UInt8]) throws(JSONError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw JSONError(.unexpectedEnd, at: index, "unterminated escape") }
        let c = bytes[index]
        index += 1
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw JSONError(.invalidUnicodeEscape, at: escapeStart, "high surrogate without a low surrogate")
                }
                index += 2
                let low = try readHex4()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw JSONError(.invalidUnicodeEscape, at: escapeStart, "high surrogate followed by a non-low surrogate")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw JSONError(.invalidUnicodeEscape, at: escapeStart, "lone low surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                throw JSONError(.invalidUnicodeEscape, at: escapeStart, "invalid code point")
            }
            UTF8.encode(unicode) { out.append($0) }
        default:
            throw JSONError(.invalidEscape, at: escapeStart, "invalid escape sequence")
        }
    }

    private mutating func readHex4() throws(JSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw JSONError(.unexpectedEnd, at: index, "unterminated \\u escape") }
            let c = bytes[index]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw JSONError(.invalidUnicodeEscape, at: index, "expected 4 hex digits after \\u")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Whether `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF). A plain loop: the standard library's validating initialiser is
    /// generic and was several times slower on this path.
    static func isValidUTF8(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = text.count
        @inline(__always) func continuation(_ k: Int) -> Bool { text[k] & 0xC0 == 0x80 }
        while i < n {
            let lead = text[i]
            switch lead {
            case 0x00..<0x80:
                i += 1
            case 0xC2..<0xE0:
                guard i + 1 < n, continuation(i + 1) else { return false }
                i += 2
            case 0xE0..<0xF0:
                guard i + 2 < n, continuation(i + 1), continuation(i + 2) else { return false }
                let second = text[i + 1]
                if lead == 0xE0 && second < 0xA0 { return false }  // overlong
                if lead == 0xED && second >= 0xA0 { return false }  // UTF-16 surrogate
                i += 3
            case 0xF0..<0xF5:
                guard i + 3 < n, continuation(i + 1), continuation(i + 2), continuation(i + 3) else { return false }
                let second = text[i + 1]
                if lead == 0xF0 && second < 0x90 { return false }  // overlong
                if lead == 0xF4 && second >= 0x90 { return false }  // above U+10FFFF
                i += 4
            default:
                return false
            }
        }
        return true
    }

    private static func firstInvalidUTF8(_ slice: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = 0
        var iterator = slice.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput, .error: return offset
            }
        }
    }

    // MARK: Bytes

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func unexpected(_ message: String) -> JSONError {
        guard index < bytes.count else { return JSONError(.unexpectedEnd, at: index, message + ", found the end") }
        return JSONError(.unexpectedByte, at: index, message)
    }
}
