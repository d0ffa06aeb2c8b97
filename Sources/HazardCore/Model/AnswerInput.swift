/// An answer as it arrived, before it is checked against its question: a YAML node or a
/// decoded JSON value. The question's type decides how it is read, so a YAML plain scalar
/// `2024-05-01` becomes a date for a `date` question and text for a `text` one.
public struct AnswerInput: Sendable, Hashable {
    /// Not `indirect`: the recursive cases hold arrays, which box already, so scalars stay inline.
    public enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(Double)
        /// A number not written as a 64-bit integer: with a fraction or exponent (JSON `1e2`,
        /// `2.0`) or an integer beyond Int64. A `number` question reads it as `.number`; an
        /// `integer` question refuses it, even when its value is whole.
        case decimal(Double)
        /// A quoted string (YAML) or any JSON string.
        case string(String)
        /// An unquoted YAML scalar, typed by the question that reads it.
        case plain(String)
        case sequence([AnswerInput])
        /// Keys in document order. The YAML parser rejects duplicate keys; JSON may carry
        /// them (RFC 8259 allows it), and every reader takes the first, as JSON lookups do.
        case mapping([(key: String, value: AnswerInput)])

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case (.null, .null): return true
            case let (.bool(x), .bool(y)): return x == y
            case let (.number(x), .number(y)), let (.decimal(x), .decimal(y)): return x == y
            case let (.string(x), .string(y)), let (.plain(x), .plain(y)): return x == y
            case let (.sequence(x), .sequence(y)): return x == y
            case let (.mapping(x), .mapping(y)):
                return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: return false
            }
        }

        public func hash(into hasher: inout Hasher) {
            switch self {
            case .null: hasher.combine(0)
            case .bool(let b): hasher.combine(b)
            case .number(let n): hasher.combine(n)
            case .decimal(let n): hasher.combine(1); hasher.combine(n)
            case .string(let s), .plain(let s): hasher.combine(s)
            case .sequence(let items): hasher.combine(items)
            case .mapping(let pairs): for pair in pairs { hasher.combine(pair.key); hasher.combine(pair.value) }
            }
        }
    }

    public var kind: Kind
    /// Where it was written, for answers read from a file.
    public var mark: SourceMark? {
        get { markBox?.mark }
        set { markBox = newValue.map(MarkBox.init) }
    }
    /// Boxed so an answer decoded from JSON (no mark) stays small: the answer trees of a
    /// request are built, copied and torn down for every grading.
    private var markBox: MarkBox?

    public init(_ kind: Kind, mark: SourceMark? = nil) {
        self.kind = kind
        self.markBox = mark.map(MarkBox.init)
    }

    public static func == (a: AnswerInput, b: AnswerInput) -> Bool { a.kind == b.kind && a.mark == b.mark }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(mark)
    }

    /// The value of `key` when this is a mapping.
    public subscript(key: String) -> AnswerInput? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// A short rendering for error messages.
    public var summary: String {
        switch kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n), .decimal(let n): return Value.format(n)
        case .string(let s): return "\"\(s)\""
        case .plain(let s): return s
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

private final class MarkBox: Sendable {
    let mark: SourceMark
    init(_ mark: SourceMark) { self.mark = mark }
}
