/// A substance name, alias, CAS number or category code normalised for lookup, so that the
/// way an inspector types it does not matter:
/// - white space (including the ideographic space) is dropped;
/// - full-width ASCII forms (`（）＞％Ｗ５．３，`) become half-width;
/// - every bracket (`[]【】〔〕〖〗`) becomes `(` `)`, because Table 1 itself mixes `[` and `(`
///   (row 37) and inspectors write `【】` as often as `（）`;
/// - the enumeration comma `、` becomes `,` (Table 1 writes `甲烷,天然气` where an inspector
///   writes `甲烷、天然气`);
/// - `≦` `<=` become `≤`, `≧` `>=` become `≥`; dashes become `-`; Latin letters are
///   lower-cased.
///
/// Only punctuation and letter case are folded: characters that carry meaning (`含`, `≤`
/// against `<`) are kept, so a key never matches a different row by accident.
/// `氯化氢（无水）`, `氯化氢(无水)` and `氯化氢 (无水)` are the same key; so are `W5.3` and
/// `ｗ５．３`.
public struct SubstanceKey: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ raw: String) {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000:
                continue
            case 0xFF01...0xFF5E:
                // Full-width ASCII block → ASCII, then the same folding as typed ASCII.
                if let ascii = Unicode.Scalar(v - 0xFEE0) { out.unicodeScalars.append(Self.fold(ascii)) }
            case 0x2010...0x2015, 0x2212:
                out.unicodeScalars.append("-")
            case 0x3001:
                out.unicodeScalars.append(",")
            case 0x3010, 0x3014, 0x3016:
                out.unicodeScalars.append("(")
            case 0x3011, 0x3015, 0x3017:
                out.unicodeScalars.append(")")
            case 0x2266:
                out.unicodeScalars.append("≤")
            case 0x2267:
                out.unicodeScalars.append("≥")
            case 0xFE64:
                out.unicodeScalars.append("<")
            case 0xFE65:
                out.unicodeScalars.append(">")
            case 0xFE6A:
                out.unicodeScalars.append("%")
            default:
                out.unicodeScalars.append(Self.fold(scalar))
            }
        }
        if out.contains("=") {
            out = out.replacing("<=", with: "≤").replacing(">=", with: "≥")
        }
        text = out
    }

    private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x41...0x5A: return Unicode.Scalar(s.value + 0x20) ?? s
        case 0x5B: return "("
        case 0x5D: return ")"
        default: return s
        }
    }

    public var description: String { text }
}
