/// A streaming JSON writer: values are appended as UTF-8 bytes in document order, with commas
/// and colons placed automatically. The hot path (a `hazard.grade` result of ~15 KB) is
/// written straight from the `Evaluation` this way, without building a `JSONValue` tree.
public struct JSONOutput {
    public private(set) var bytes: [UInt8]
    private var needsComma = false
    private var afterKey = false
    private var stack: [Bool] = []

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
        stack.reserveCapacity(16)
    }

    private mutating func prefix() {
        if afterKey { afterKey = false; return }
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    public mutating func beginObject() { prefix(); bytes.append(UInt8(ascii: "{")); stack.append(needsComma); needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = stack.popLast() ?? true }
    public mutating func beginArray() { prefix(); bytes.append(UInt8(ascii: "[")); stack.append(needsComma); needsComma = false }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = stack.popLast() ?? true }

    /// A member name computed at run time (escaped as needed); the next value written is its value.
    public mutating func key(computed name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        JSONWriter.writeString(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// A member name written in the source: plain ASCII needing no escapes, so it is
    /// copied as it stands (keys are most of the small writes in a result).
    public mutating func key(_ name: StaticString) {
        assert(name.isASCII && !UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount).contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public mutating func null() { prefix(); bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
    public mutating func bool(_ b: Bool) { prefix(); bytes.append(contentsOf: b ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    public mutating func string(_ s: String) { prefix(); JSONWriter.writeString(s, into: &bytes) }
    public mutating func number(_ n: Int) { prefix(); JSONWriter.writeInteger(Int64(n), into: &bytes) }
    public mutating func number(_ n: Double) {
        if n == n.rounded(), abs(n) < 1e15 {
            prefix()
            JSONWriter.writeInteger(Int64(n), into: &bytes)
            return
        }
        guard let number = JSONNumber(n) else { null(); return }
        prefix()
        bytes.append(contentsOf: number.text.utf8)
    }
    public mutating func number(_ n: JSONNumber) { prefix(); bytes.append(contentsOf: n.text.utf8) }

    /// Already-written JSON text as one value (the caller vouches for it).
    mutating func raw(_ text: [UInt8]) { prefix(); bytes.append(contentsOf: text) }

    // A value spliced together from pre-encoded pieces and written values (`EncodedFindings`):
    // `rawStart` opens it where a value may stand, `rawAppend` adds text inside it,
    // `expectValue` lets the next written value follow a `"key":` piece, `rawEnd` closes it.
    mutating func rawStart(_ text: UnsafeBufferPointer<UInt8>) { prefix(); bytes.append(contentsOf: text) }
    mutating func rawAppend(_ text: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: text) }
    mutating func rawAppend(_ byte: UInt8) { bytes.append(byte) }
    mutating func expectValue() { afterKey = true }
    mutating func rawEnd(_ text: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: text); afterKey = false; needsComma = true }

    /// Any encodable value.
    public mutating func value(_ v: some JSONEncodable) { v.write(to: &self) }
    public mutating func value(any v: any JSONEncodable) { v.write(to: &self) }

    // Member shorthands, named in the source.
    public mutating func field(_ name: StaticString, _ s: String) { key(name); string(s) }
    public mutating func field(_ name: StaticString, _ s: String?) { if let s { key(name); string(s) } }
    public mutating func field(_ name: StaticString, _ n: Int) { key(name); number(n) }
    public mutating func field(_ name: StaticString, _ n: Double) { key(name); number(n) }
    public mutating func field(_ name: StaticString, _ n: Double?) { if let n { key(name); number(n) } }
    public mutating func field(_ name: StaticString, _ b: Bool) { key(name); bool(b) }
}

/// A type that writes itself as JSON.
public protocol JSONEncodable {
    func write(to out: inout JSONOutput)
}

extension JSONEncodable {
    /// The JSON text as bytes.
    public var jsonBytes: [UInt8] {
        var out = JSONOutput()
        write(to: &out)
        return out.bytes
    }
}

extension JSONValue: JSONEncodable {
    public func write(to out: inout JSONOutput) {
        switch self {
        case .null: out.null()
        case .bool(let b): out.bool(b)
        case .number(let n): out.number(n)
        case .string(let s): out.string(s)
        case .array(let items):
            out.beginArray()
            for item in items { item.write(to: &out) }
            out.endArray()
        case .object(let members):
            out.beginObject()
            for member in members {
                out.key(computed: member.key)
                member.value.write(to: &out)
            }
            out.endObject()
        }
    }
}
