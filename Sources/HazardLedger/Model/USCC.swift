/// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters —
/// registration authority (1), organisation type (1), administrative region (6),
/// organisation code (9) and a check character computed over the first 17.
public struct USCC: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// The 31 characters GB 32100 uses (no I, O, Z, S, V).
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// GB 32100 §5 weights: 3^i mod 31 for positions 1…17.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    /// Registration authorities and the organisation types each may issue
    /// (1 机构编制, 5 民政, 9 工商, Y 其他; from memory of the standard's annex).
    static let types: [UInt8: Set<UInt8>] = [
        UInt8(ascii: "1"): Set("1239".utf8),
        UInt8(ascii: "2"): Set("19".utf8),
        UInt8(ascii: "3"): Set("12345".utf8),
        UInt8(ascii: "4"): Set("19".utf8),
        UInt8(ascii: "5"): Set("1239".utf8),
        UInt8(ascii: "6"): Set("129".utf8),
        UInt8(ascii: "7"): Set("129".utf8),
        UInt8(ascii: "8"): Set("19".utf8),
        UInt8(ascii: "9"): Set("123".utf8),
        UInt8(ascii: "A"): Set("19".utf8),
        UInt8(ascii: "N"): Set("1239".utf8),
        UInt8(ascii: "Y"): Set("1".utf8),
    ]

    /// Validates a code; lower-case letters are accepted and upper-cased.
    ///
    /// - Throws: `LedgerError` `.invalidUSCC` naming the code and what is wrong with it.
    public init(_ text: String) throws(LedgerError) {
        let code = text.uppercased()
        let bytes = Array(code.utf8)
        func fail(_ why: String) -> LedgerError {
            LedgerError(.invalidUSCC, "'\(text)' is not a valid unified social credit code (统一社会信用代码): \(why)")
        }
        guard bytes.count == 18 else { throw fail("it has \(code.count) characters, not 18") }
        var values: [Int] = []
        values.reserveCapacity(18)
        for (i, b) in bytes.enumerated() {
            guard let v = USCC.alphabet.firstIndex(of: b) else {
                throw fail("character \(i + 1) '\(Character(Unicode.Scalar(b)))' is not allowed (GB 32100 uses 0-9 and A-Y without I, O, S, V, Z)")
            }
            values.append(v)
        }
        guard let allowed = USCC.types[bytes[0]] else {
            throw fail("'\(Character(Unicode.Scalar(bytes[0])))' is not a registration authority code")
        }
        guard allowed.contains(bytes[1]) else {
            throw fail("organisation type '\(Character(Unicode.Scalar(bytes[1])))' is not issued by registration authority '\(Character(Unicode.Scalar(bytes[0])))'")
        }
        guard bytes[2..<8].allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw fail("characters 3–8 must be the 6-digit administrative region code")
        }
        let expected = USCC.checkCharacter(values[0..<17])
        guard bytes[17] == expected else {
            throw fail("the check character is '\(Character(Unicode.Scalar(bytes[17])))', expected '\(Character(Unicode.Scalar(expected)))'")
        }
        rawValue = code
    }

    public init?(rawValue: String) { try? self.init(rawValue) }

    /// Check character over the first 17 character values: C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0.
    static func checkCharacter(_ values: ArraySlice<Int>) -> UInt8 {
        var sum = 0
        for (i, v) in values.enumerated() { sum += v * weights[i] }
        let c = 31 - sum % 31
        return alphabet[c == 31 ? 0 : c]
    }

    /// Completes 17 characters with their check character (test data, benchmark fixtures).
    ///
    /// - Throws: `LedgerError` `.invalidUSCC` when the prefix is not 17 valid characters.
    public static func completing(_ prefix: String) throws(LedgerError) -> USCC {
        let bytes = Array(prefix.uppercased().utf8)
        let values = bytes.compactMap { alphabet.firstIndex(of: $0) }
        guard bytes.count == 17, values.count == 17 else {
            throw LedgerError(.invalidUSCC, "'\(prefix)' is not 17 characters of the GB 32100 alphabet")
        }
        return try USCC(prefix.uppercased() + String(Character(Unicode.Scalar(checkCharacter(values[...])))))
    }

    /// Administrative region code of the registering authority (characters 3–8).
    public var regionCode: String { String(rawValue.dropFirst(2).prefix(6)) }
    public var description: String { rawValue }
}
