/// A streaming JSON writer: values are appended as UTF-8 bytes in document order, with commas
/// and colons placed automatically. The hot path (a `hazard.grade` result of ~15 KB) is
/// written straight from the evaluation this way, without building a `JSONValue` tree.
///
/// It owns a plain growable buffer rather than a `[UInt8]`: a result is hundreds of small
/// appends, and an array checks uniqueness and capacity through its storage object on each
/// (measured: about a fifth of writing a result). Not copyable, so the buffer has one owner.
///
/// It can also write into memory it does not own (`init(over:capacity:)`): a response's room
/// in the connection's outgoing buffer, so the text is not copied there afterwards. If the
/// text outgrows that room it moves to storage of its own.
public struct JSONOutput: ~Copyable {
    // The fast path (`EncodedEvaluation`, the dispatcher) writes from other modules, a few bytes
    // at a time: the appends are inlinable, so this state is visible to them.
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int
    /// False while writing into borrowed memory.
    public private(set) var ownsStorage = true
    @usableFromInline var needsComma = false
    @usableFromInline var afterKey = false
    /// `needsComma` of each enclosing container, innermost last.
    @usableFromInline var stack: [Bool] = []
    /// The most bytes this writer holds (`limit`); `capacity` never exceeds it, so the
    /// append fast paths enforce it without a check of their own.
    private var budget = Int.max
    /// Set when a write did not fit in `limit`: that write and every later one were dropped,
    /// so the text is cut short and must be rewound (`rewind(to:)`) before it is used.
    public private(set) var isOverLimit = false

    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        stack.reserveCapacity(16)
    }

    /// A writer over `capacity` bytes at `base`, which stay the caller's and must outlive it
    /// while `ownsStorage` is false.
    package init(over base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
        ownsStorage = false
        stack.reserveCapacity(16)
    }

    deinit { if ownsStorage { base.deallocate() } }

    /// Empties the writer for reuse, keeping its buffer unless one large document grew it
    /// past `keepingCapacityUpTo`.
    public mutating func reset(keepingCapacityUpTo limit: Int = 65_536) {
        count = 0
        needsComma = false
        afterKey = false
        isOverLimit = false
        stack.removeAll(keepingCapacity: true)
        if ownsStorage, capacity > limit {
            base.deallocate()
            base = .allocate(capacity: max(16, limit / 4))
            capacity = min(max(16, limit / 4), budget)
        }
    }

    /// The text written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Bytes written so far.
    public var byteCount: Int { count }

    /// Calls `body` with the text written so far (valid only during the call).
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The byte budget: text past it is dropped and `isOverLimit` set, instead of growing
    /// without bound (a response must never outgrow `max_response`, checked while it is
    /// written, not after). `Int.max` by default.
    public var limit: Int {
        get { budget }
        set {
            budget = max(newValue, 0)
            if capacity > budget { capacity = budget }
            if count > budget { count = budget; isOverLimit = true }
        }
    }

    /// Where the writer stands between two values, to come back to with `rewind(to:)`.
    public struct Mark: Sendable {
        fileprivate var count: Int
        fileprivate var depth: Int
        fileprivate var needsComma: Bool
        fileprivate var afterKey: Bool
    }

    public var mark: Mark { Mark(count: count, depth: stack.count, needsComma: needsComma, afterKey: afterKey) }

    /// Drops everything written after `mark` (a value cut short by the limit, say) and clears
    /// `isOverLimit`, as if nothing had been written since.
    public mutating func rewind(to mark: Mark) {
        count = min(count, mark.count)
        if stack.count > mark.depth { stack.removeLast(stack.count - mark.depth) }
        needsComma = mark.needsComma
        afterKey = mark.afterKey
        isOverLimit = false
    }

    /// Runs `body` with the limit lifted: for a small error object that replaces a value
    /// that did not fit (it must be answered, and is bounded by its id).
    public mutating func unlimited(_ body: (inout JSONOutput) -> Void) {
        let kept = budget
        budget = .max
        body(&self)
        budget = kept
        // The room grown meanwhile stays usable only up to the limit again.
        if capacity > budget { capacity = max(budget, count) }
    }

    @usableFromInline mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        guard !isOverLimit, count + extra <= budget else {
            isOverLimit = true
            return
        }
        let grown = min(max(capacity * 2, count + extra, 16), budget)
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        fresh.initialize(from: base, count: count)
        if ownsStorage { base.deallocate() }
        base = fresh
        capacity = grown
        ownsStorage = true
    }

    @inlinable @inline(__always)
    package mutating func append(_ byte: UInt8) {
        if count == capacity {
            reserve(1)
            guard count < capacity else { return }
        }
        base[count] = byte
        count += 1
    }

    @inlinable @inline(__always)
    package mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        guard let source = text.baseAddress, !text.isEmpty else { return }
        // The capacity test stays inline: `reserve` is a call from the other modules that
        // write here, and almost every append fits.
        if count + text.count > capacity {
            reserve(text.count)
            guard count + text.count <= capacity else { return }
        }
        (base + count).update(from: source, count: text.count)
        count += text.count
    }

    @inlinable package mutating func append(_ text: [UInt8]) { text.withUnsafeBufferPointer { append($0) } }

    @inlinable mutating func prefix() {
        if afterKey { afterKey = false; return }
        if needsComma { append(UInt8(ascii: ",")) }
        needsComma = true
    }

    @inlinable public mutating func beginObject() { prefix(); append(UInt8(ascii: "{")); stack.append(needsComma); needsComma = false }
    @inlinable public mutating func endObject() { append(UInt8(ascii: "}")); needsComma = stack.popLast() ?? true }
    @inlinable public mutating func beginArray() { prefix(); append(UInt8(ascii: "[")); stack.append(needsComma); needsComma = false }
    @inlinable public mutating func endArray() { append(UInt8(ascii: "]")); needsComma = stack.popLast() ?? true }

    /// A member name computed at run time (escaped as needed); the next value written is its value.
    @inlinable public mutating func key(computed name: String) {
        if needsComma { append(UInt8(ascii: ",")) }
        needsComma = true
        appendString(name)
        append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// A member name written in the source: plain ASCII needing no escapes, so it is
    /// copied as it stands (keys are most of the small writes in a result).
    @inlinable public mutating func key(_ name: StaticString) {
        let text = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        assert(name.isASCII && !text.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
        if needsComma { append(UInt8(ascii: ",")) }
        needsComma = true
        append(UInt8(ascii: "\""))
        append(text)
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: ":"))
        afterKey = true
    }

    @inlinable public mutating func null() { prefix(); append(Self.null) }
    @inlinable public mutating func bool(_ b: Bool) { prefix(); append(b ? Self.true : Self.false) }
    @inlinable public mutating func string(_ s: String) { prefix(); appendString(s) }
    @inlinable public mutating func number(_ n: Int) { prefix(); appendInteger(Int64(n)) }
    @inlinable public mutating func number(_ n: Double) {
        if n == n.rounded(), abs(n) < 1e15 {
            prefix()
            appendInteger(Int64(n))
            return
        }
        guard let number = JSONNumber(n) else { null(); return }
        prefix()
        appendText(number.text)
    }
    @inlinable public mutating func number(_ n: JSONNumber) { prefix(); appendText(n.text) }

    @usableFromInline static var null: UnsafeBufferPointer<UInt8> { literal("null") }
    @usableFromInline static var `true`: UnsafeBufferPointer<UInt8> { literal("true") }
    @usableFromInline static var `false`: UnsafeBufferPointer<UInt8> { literal("false") }
    @usableFromInline static func literal(_ text: StaticString) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) }

    @usableFromInline mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// A JSON string: quoted, with `"`, `\\` and control characters escaped, other text as UTF-8.
    @usableFromInline package mutating func appendString(_ s: String) {
        append(UInt8(ascii: "\""))
        var s = s
        // Native strings are contiguous UTF-8 already: `withUTF8` scans them in place.
        s.withUTF8 { appendEscaped($0) }
        append(UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Copies clean runs whole; the word-at-a-time test skips 8 clean bytes per step.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        let count = utf8.count
        while i < count {
            if i + 8 <= count, let base = utf8.baseAddress,
               !JSONWriter.needsEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = utf8[i]
            i += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            append(UnsafeBufferPointer(rebasing: utf8[runStart..<(i - 1)]))
            runStart = i
            append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""): append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): append(UInt8(ascii: "\\"))
            case 0x0A: append(UInt8(ascii: "n"))
            case 0x0D: append(UInt8(ascii: "r"))
            case 0x09: append(UInt8(ascii: "t"))
            case 0x08: append(UInt8(ascii: "b"))
            case 0x0C: append(UInt8(ascii: "f"))
            default:
                append(UInt8(ascii: "u"))
                append(UInt8(ascii: "0"))
                append(UInt8(ascii: "0"))
                append(Self.hex[Int(byte >> 4)])
                append(Self.hex[Int(byte & 0xF)])
            }
        }
        append(UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
    }

    /// The decimal digits of `n`, without building a `String`.
    @usableFromInline package mutating func appendInteger(_ n: Int64) {
        if n == 0 { append(UInt8(ascii: "0")); return }
        if n < 0 { append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits = 0
        var probe = magnitude
        while probe > 0 { digits += 1; probe /= 10 }
        reserve(digits)
        guard count + digits <= capacity else { return }
        var at = count + digits
        while magnitude > 0 {
            at -= 1
            base[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }

    /// Already-written JSON text as one value (the caller vouches for it).
    @inlinable package mutating func raw(_ text: [UInt8]) { prefix(); append(text) }
    @inlinable package mutating func raw(_ text: UnsafeBufferPointer<UInt8>) { prefix(); append(text) }

    /// A string whose UTF-8 text needs no escaping: a string the reader found without escapes
    /// (so without quotes, backslashes or control characters), written back as it came.
    @inlinable package mutating func rawString(_ utf8: UnsafeBufferPointer<UInt8>) {
        prefix()
        append(UInt8(ascii: "\""))
        append(utf8)
        append(UInt8(ascii: "\""))
    }

    // A value spliced together from pre-encoded pieces and written values (`EncodedEvaluation`):
    // `rawStart` opens it where a value may stand, `rawAppend` adds text inside it, `rawOpen`
    // adds text that opens a container, `expectValue` lets the next written value follow a
    // `"key":` piece, `rawEnd` closes it.
    @inlinable package mutating func rawStart(_ text: UnsafeBufferPointer<UInt8>) { prefix(); append(text) }
    /// Text that ends by opening a container: the next value written is its first.
    @inlinable package mutating func rawOpen(_ text: UnsafeBufferPointer<UInt8>) { append(text); afterKey = false; needsComma = false }
    @inlinable package mutating func rawAppend(_ text: UnsafeBufferPointer<UInt8>) { append(text) }
    @inlinable package mutating func rawAppend(_ byte: UInt8) { append(byte) }
    @inlinable package mutating func expectValue() { afterKey = true }
    @inlinable package mutating func rawEnd(_ text: UnsafeBufferPointer<UInt8>) { append(text); afterKey = false; needsComma = true }

    /// Any encodable value.
    @inlinable public mutating func value(_ v: some JSONEncodable) { v.write(to: &self) }
    @inlinable public mutating func value(any v: any JSONEncodable) { v.write(to: &self) }

    // Member shorthands, named in the source.
    @inlinable public mutating func field(_ name: StaticString, _ s: String) { key(name); string(s) }
    @inlinable public mutating func field(_ name: StaticString, _ s: String?) { if let s { key(name); string(s) } }
    @inlinable public mutating func field(_ name: StaticString, _ n: Int) { key(name); number(n) }
    @inlinable public mutating func field(_ name: StaticString, _ n: Double) { key(name); number(n) }
    @inlinable public mutating func field(_ name: StaticString, _ n: Double?) { if let n { key(name); number(n) } }
    @inlinable public mutating func field(_ name: StaticString, _ b: Bool) { key(name); bool(b) }
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
