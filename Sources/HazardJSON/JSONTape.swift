/// A JSON document checked by `JSONReader` and indexed without building values: one token
/// per value and per member name, each pointing into the document's bytes.
///
/// Why: a `hazard.grade` request is ~1.5 KB holding ~40 member names, and building a
/// `JSONValue` tree allocated a `String` for most of them and an array per container, only
/// for the binder to compare the names with question ids and throw the tree away. Reading
/// the tape, the hot path allocates nothing per member; anything else materialises the tree
/// with `value(in:)`, from the same single pass over the bytes.
///
/// Tokens are in document order. A container's token is followed by its children (an
/// object's as name, value, name, value …) and records where its subtree ends, so a value
/// is skipped in one step. The tape holds offsets, not the bytes: every accessor takes the
/// bytes it was read from.
public struct JSONTape: Sendable {
    public enum Kind: UInt8, Sendable {
        case null, `false`, `true`, number, string
        /// A string holding escapes: its raw bytes are not its text.
        case escapedString
        case array, object
    }

    @usableFromInline
    struct Token: Sendable {
        @usableFromInline var kind: Kind
        /// Strings: after the opening quote; numbers: the first byte; containers: the bracket.
        @usableFromInline var start: UInt32
        /// Strings: the closing quote; numbers and containers: just after the last byte.
        @usableFromInline var end: UInt32
        /// Index of the token after this value's subtree.
        @usableFromInline var next: UInt32
        /// Containers: items (arrays) or members (objects).
        @usableFromInline var count: UInt32
    }

    // Read on the grading fast path from other modules: the accessors below are inlinable.
    @usableFromInline var tokens: [Token] = []

    public init() {}

    /// The root value's token (the tape of a read document is never empty).
    public static let root = 0

    public var isEmpty: Bool { tokens.isEmpty }

    /// Empties the tape, keeping its storage for the next document.
    public mutating func removeAll() { tokens.removeAll(keepingCapacity: true) }

    @inlinable public func kind(_ token: Int) -> Kind { tokens[token].kind }

    /// The token after `token`'s subtree: its next sibling, or past its parent's last child.
    @inlinable public func next(_ token: Int) -> Int { Int(tokens[token].next) }

    /// Items of an array or members of an object.
    @inlinable public func count(_ token: Int) -> Int { Int(tokens[token].count) }

    /// The raw bytes of a string (between its quotes) or number token.
    @inlinable public func bytes(_ token: Int, in document: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let t = tokens[token]
        return UnsafeBufferPointer(rebasing: document[Int(t.start)..<Int(t.end)])
    }

    /// Whether `token` is a string without escapes whose text is exactly `text`.
    @inlinable public func isString(_ token: Int, _ text: StaticString, in document: UnsafeBufferPointer<UInt8>) -> Bool {
        guard tokens[token].kind == .string else { return false }
        let raw = bytes(token, in: document)
        guard raw.count == text.utf8CodeUnitCount else { return false }
        let expected = text.utf8Start
        for k in raw.indices where raw[k] != expected[k] { return false }
        return true
    }

    /// The members of object `token` as (name token, value token) pairs, in document order.
    @inlinable public func members(_ token: Int) -> Members { Members(tape: self, object: token) }

    /// The items of array `token`, in document order.
    @inlinable public func items(_ token: Int) -> Items { Items(tape: self, array: token) }

    public struct Members: Sequence {
        @usableFromInline let tape: JSONTape
        @usableFromInline let object: Int

        @inlinable init(tape: JSONTape, object: Int) {
            self.tape = tape
            self.object = object
        }

        public struct Iterator: IteratorProtocol {
            @usableFromInline let tape: JSONTape
            @usableFromInline var at: Int
            @usableFromInline let end: Int

            @inlinable init(tape: JSONTape, at: Int, end: Int) {
                self.tape = tape
                self.at = at
                self.end = end
            }

            @inlinable public mutating func next() -> (name: Int, value: Int)? {
                guard at < end else { return nil }
                let name = at
                at = tape.next(name + 1)
                return (name, name + 1)
            }
        }

        @inlinable public func makeIterator() -> Iterator { Iterator(tape: tape, at: object + 1, end: tape.next(object)) }
    }

    public struct Items: Sequence {
        @usableFromInline let tape: JSONTape
        @usableFromInline let array: Int

        @inlinable init(tape: JSONTape, array: Int) {
            self.tape = tape
            self.array = array
        }

        public struct Iterator: IteratorProtocol {
            @usableFromInline let tape: JSONTape
            @usableFromInline var at: Int
            @usableFromInline let end: Int

            @inlinable init(tape: JSONTape, at: Int, end: Int) {
                self.tape = tape
                self.at = at
                self.end = end
            }

            @inlinable public mutating func next() -> Int? {
                guard at < end else { return nil }
                defer { at = tape.next(at) }
                return at
            }
        }

        @inlinable public func makeIterator() -> Iterator { Iterator(tape: tape, at: array + 1, end: tape.next(array)) }
    }

    // MARK: Values

    /// The text of a string token, escapes decoded.
    public func string(_ token: Int, in document: UnsafeBufferPointer<UInt8>) -> String {
        let raw = bytes(token, in: document)
        guard tokens[token].kind == .escapedString else { return String(decoding: raw, as: UTF8.self) }
        return String(decoding: JSONReader.unescaped(raw), as: UTF8.self)
    }

    /// The value of a number token as `JSONNumber.double` gives it.
    public func double(_ token: Int, in document: UnsafeBufferPointer<UInt8>) -> Double {
        JSONNumber(validatedText: String(decoding: bytes(token, in: document), as: UTF8.self)).double
    }

    /// The value at `token` as a tree.
    public func value(_ token: Int = JSONTape.root, in document: UnsafeBufferPointer<UInt8>) -> JSONValue {
        switch tokens[token].kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number: return .number(JSONNumber(validatedText: String(decoding: bytes(token, in: document), as: UTF8.self)))
        case .string, .escapedString: return .string(string(token, in: document))
        case .array:
            var items: [JSONValue] = []
            items.reserveCapacity(count(token))
            for item in self.items(token) { items.append(value(item, in: document)) }
            return .array(items)
        case .object:
            var members: [JSONMember] = []
            members.reserveCapacity(count(token))
            for (name, value) in self.members(token) {
                members.append(JSONMember(key: string(name, in: document), value: self.value(value, in: document)))
            }
            return .object(members)
        }
    }
}
