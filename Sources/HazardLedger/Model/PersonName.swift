import Foundation

/// Text rules for names and required free text, so that `王五`, ` 王五 `, `王五\u{200B}` and
/// (for Latin names) `Wang Wu`/`wang  wu` count as one person, and a field of only spaces or
/// zero-width characters counts as empty.
public enum PersonName {
    /// Characters that render as nothing: zero-width space/joiners, word joiner, BOM, soft
    /// hyphen, Mongolian vowel separator. `Character.isWhitespace` does not cover them.
    static let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{180E}"]

    /// Trimmed, inner whitespace runs collapsed to one space, zero-width characters removed,
    /// Unicode-normalised (NFKC: full-width letters and compatibility forms fold to their plain
    /// form) and case-folded.
    public static func normalised(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !invisible.contains(scalar) { scalars.append(scalar) }
        let folded = String(scalars).precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// True when `text` holds nothing visible: only whitespace and zero-width characters.
    public static func isBlank(_ text: String?) -> Bool {
        guard let text else { return true }
        return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || invisible.contains($0) }
    }
}
