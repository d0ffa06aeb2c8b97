import HazardCore
import HazardJSON

extension SlotBinder {
    /// Binds the members of the answers object at `object` in `tape` (which indexes
    /// `document`); false as soon as one does not fit plainly (see `SlotBinder`), and the
    /// request is then bound from its tree instead.
    mutating func bind(answers object: Int, in tape: JSONTape, _ document: UnsafeBufferPointer<UInt8>) -> Bool {
        for (name, value) in tape.members(object) {
            guard tape.kind(name) == .string, let question = question(utf8: tape.bytes(name, in: document)) else { return false }
            guard claim(question) else { continue }
            switch tape.kind(value) {
            case .null: continue
            case .true: guard bind(question, bool: true) else { return false }
            case .false: guard bind(question, bool: false) else { return false }
            case .number:
                let number = tape.double(value, in: document)
                let bound = Self.isInt64Literal(tape.bytes(value, in: document)) ? bind(question, number: number) : bind(question, decimal: number)
                guard bound else { return false }
            case .string: guard bind(question, utf8: tape.bytes(value, in: document)) else { return false }
            case .array: guard bind(list: question, value, in: tape, document) else { return false }
            case .escapedString, .object: return false
            }
        }
        return true
    }

    /// A list answer: an array of records, each an object of the question's fields.
    private mutating func bind(list question: Int, _ array: Int, in tape: JSONTape, _ document: UnsafeBufferPointer<UInt8>) -> Bool {
        guard beginList(question, rows: tape.count(array)) else { return false }
        for item in tape.items(array) {
            guard tape.kind(item) == .object else { return false }
            beginRecord()
            for (name, value) in tape.members(item) {
                guard tape.kind(name) == .string, let field = field(utf8: tape.bytes(name, in: document)), claimField(field) else { return false }
                switch tape.kind(value) {
                case .null: continue
                case .true: guard bindField(field, bool: true) else { return false }
                case .false: guard bindField(field, bool: false) else { return false }
                case .number:
                    let number = tape.double(value, in: document)
                    let bound = Self.isInt64Literal(tape.bytes(value, in: document)) ? bindField(field, number: number) : bindField(field, decimal: number)
                    guard bound else { return false }
                case .string: guard bindField(field, utf8: tape.bytes(value, in: document)) else { return false }
                case .escapedString, .array, .object: return false
                }
            }
        }
        endList()
        return true
    }

    /// Whether a JSON number's text is an integer that fits in Int64 (what `JSONNumber.int64`
    /// accepts): no fraction, no exponent. Others bind as decimals (`AnswerInput.Kind.decimal`).
    static func isInt64Literal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = bytes[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 19, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        guard digits.count == 19 else { return true }
        return Int64(String(decoding: bytes, as: UTF8.self)) != nil
    }
}
