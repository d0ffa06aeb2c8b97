/// Why a record's chemical could not be classified.
public enum LookupFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Neither a Table 1 name, alias or CAS number nor a Table 2 code, and no `category` was
    /// given. `suggestions` are Table 1 rows spelled like it (`NamedSubstance.citation`), so a
    /// typo is caught rather than silently counted under a category.
    case unknownSubstance(String, suggestions: [String])
    /// A name or CAS number that does not decide a Table 1 row (`硝酸铵`, CAS `9004-70-0`,
    /// `甲醛`): `choices` are the rows it could mean (`NamedSubstance.citation`).
    case ambiguousSubstance(String, choices: [String], hint: String)
    /// `category` (or `substance`) is not a GB 18218-2018 Table 2 code.
    case unknownCategory(String)
    /// `substance` is one category code and `category` another.
    case conflictingCategory(substance: String, category: String)

    public var code: String {
        switch self {
        case .unknownSubstance: return "unknown_substance"
        case .ambiguousSubstance: return "ambiguous_substance"
        case .unknownCategory: return "unknown_category"
        case .conflictingCategory: return "conflicting_category"
        }
    }

    public var description: String {
        switch self {
        case .unknownSubstance(let s, let suggestions):
            let didYouMean = suggestions.isEmpty ? "." : "; did you mean \(suggestions.joined(separator: "、"))?"
            return "unknown substance “\(s)”: not a GB 18218-2018 Table 1 name, alias or CAS number, nor a Table 2 category code\(didYouMean) A chemical Table 1 does not list needs its Table 2 hazard category (e.g. W5.3, J1) in the record's category field"
        case .ambiguousSubstance(let s, let choices, let hint):
            return "ambiguous substance “\(s)”: GB 18218-2018 Table 1 rows it could mean: \(choices.joined(separator: "；")). \(hint)"
        case .unknownCategory(let c):
            return "unknown hazard category “\(c)”: GB 18218-2018 Table 2 codes are J1–J5, W1.1–W1.3, W2, W3, W4, W5.1–W5.4, W6.1, W6.2, W7.1, W7.2, W8, W9.1, W9.2, W10, W11"
        case .conflictingCategory(let s, let c):
            return "substance “\(s)” is itself a category code but category says “\(c)”"
        }
    }
}
