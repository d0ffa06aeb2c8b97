/// How much of its standard's declared item list a checklist encodes.
public struct Coverage: Sendable, Hashable {
    /// Items the standard declares (`standard.items`); 0 when none are declared.
    public var declared: Int
    /// Declared items with their text that some criterion encodes.
    public var encoded: Int
    /// Declared items whose text the reference lacks (`text_missing`), however they are handled.
    public var textMissing: Int
    /// Declared items with their text that no criterion encodes, in declaration order.
    public var uncovered: [String]

    public init(declared: Int, encoded: Int, textMissing: Int, uncovered: [String]) {
        self.declared = declared
        self.encoded = encoded
        self.textMissing = textMissing
        self.uncovered = uncovered
    }

    /// `123/123`, `14/21 (7 text missing)`, or `-` when the standard declares no items.
    public var summary: String {
        guard declared > 0 else { return "-" }
        return "\(encoded)/\(declared)" + (textMissing > 0 ? " (\(textMissing) text missing)" : "")
    }
}
