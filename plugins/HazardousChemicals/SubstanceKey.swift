/// A substance name, alias, CAS number or category code normalised for lookup, so that the
/// way an inspector types it does not matter: white space (including the ideographic space)
/// is dropped, full-width ASCII forms (`（）＞％Ｗ５．３`) become half-width, dashes become `-`,
/// and Latin letters are lower-cased. `氯化氢（无水）`, `氯化氢(无水)` and `氯化氢 (无水)` are
/// the same key; so are `W5.3` and `ｗ５．３`.
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
                // Full-width ASCII block → ASCII.
                if let ascii = Unicode.Scalar(v - 0xFEE0) { out.unicodeScalars.append(Self.fold(ascii)) }
            case 0x2010...0x2015, 0x2212:
                out.unicodeScalars.append("-")
            default:
                out.unicodeScalars.append(Self.fold(scalar))
            }
        }
        text = out
    }

    private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if (0x41...0x5A).contains(s.value), let lower = Unicode.Scalar(s.value + 0x20) { return lower }
        return s
    }

    public var description: String { text }
}
