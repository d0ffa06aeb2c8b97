/// A name or CAS number that does not decide a Table 1 row by itself, so the plugin refuses it
/// rather than guess.
///
/// Two kinds:
/// - **several rows**: the text belongs to more than one row (`硝酸铵`, `硝化棉`, CAS
///   `9004-70-0`). Every reading is a Table 1 row with its own Q, so a record's `category`
///   cannot settle it either: Table 1's Q wins over any category. The inspector must write the
///   row's name.
/// - **one qualified row**: Table 1 lists the chemical only at a concentration or in a form
///   (`甲醛(含量>90%)`), while the bare name or CAS also covers material outside the row
///   (formalin). Without `category` this is refused; with it, the record is taken as that
///   other material and counted by its Table 2 category.
public struct AmbiguousSpelling: Sendable, Hashable {
    /// The text as an inspector might write it.
    public let text: String
    /// Table 1 row numbers it could mean.
    public let rows: [Int]
    /// Whether the text may also denote material Table 1 does not list, so that a `category`
    /// on the record is a legitimate way to say so.
    public let mayBeUnlisted: Bool
    /// What to write instead, in Chinese, after the list of rows.
    public let hint: String

    public init(_ text: String, rows: [Int], mayBeUnlisted: Bool, hint: String) {
        self.text = text
        self.rows = rows
        self.mayBeUnlisted = mayBeUnlisted
        self.hint = hint
    }
}
