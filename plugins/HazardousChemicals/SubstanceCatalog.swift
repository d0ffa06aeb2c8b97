/// Finds a chemical's Q and β (GB 18218-2018 Tables 1–4) from what an inspector wrote.
///
/// Resolution of one record (`substance`, optional `category`, optional `liquefied`):
/// 1. `substance` is a Table 1 name, alias or CAS number (see `SubstanceKey` for spelling
///    tolerance) → Q from Table 1. β from Table 3 for its toxic gases; otherwise from the
///    Table 4 category — the record's `category` if given, else the row's default.
/// 2. `substance` is a Table 2 code (`W5.3`, `J1`) → Q from Table 2, β from Table 4.
/// 3. otherwise `category` must be given → Q/β of that category; `substance` is then only a
///    label (an unlisted chemical such as 乙酸乙酯 with category `W5.3`).
/// 4. otherwise: `LookupFailure.ambiguousSubstance` for a concentration-qualified name, else
///    `LookupFailure.unknownSubstance` — never a silent zero.
///
/// A chemical with several hazard classes takes the class with the lowest Q, and a mixture
/// of another class than its pure substance takes the mixture's own class ([M] per the
/// reference): the plugin does not work that out — the inspector gives that one `category`.
///
/// `liquefied` (if answered) overrides whether the record is a liquefied gas; without it a
/// Table 1 row uses its default (`液化天然气` as an alias counts as liquefied), a gas category
/// (J1, J3, W2, W4) is unknown and any other category is not a gas.
public enum SubstanceCatalog {
    static let byKey: [SubstanceKey: (substance: NamedSubstance, liquefiedAlias: Bool)] = {
        var map: [SubstanceKey: (substance: NamedSubstance, liquefiedAlias: Bool)] = [:]
        for s in GB18218Table1.substances {
            for text in [s.name] + s.aliases + s.cas { map[SubstanceKey(text)] = (s, false) }
            for text in s.liquefiedAliases { map[SubstanceKey(text)] = (s, true) }
        }
        return map
    }()

    static let ambiguousByKey: [SubstanceKey: String] = {
        var map: [SubstanceKey: String] = [:]
        for (text, hint) in GB18218Table1.ambiguous { map[SubstanceKey(text)] = hint }
        return map
    }()

    /// The Table 1 row a name, alias or CAS number denotes.
    public static func namedSubstance(_ text: String) -> NamedSubstance? {
        byKey[SubstanceKey(text)]?.substance
    }

    /// Q in t for a Table 1 name/alias/CAS or a Table 2 code; nil when unknown or ambiguous.
    public static func criticalQuantity(_ text: String) -> Double? {
        (try? classify(substance: text))?.criticalQuantity
    }

    /// β for a Table 1 name/alias/CAS (its Table 3 value or default category) or a Table 2 code.
    public static func beta(_ text: String) -> Double? {
        (try? classify(substance: text))?.beta
    }

    public static func classify(substance: String?, category: String? = nil, liquefied: Bool? = nil) throws(LookupFailure) -> Classification {
        let given: HazardCategory?
        if let category, !SubstanceKey(category).text.isEmpty {
            guard let found = GB18218Table2.category(category) else { throw .unknownCategory(category) }
            given = found
        } else {
            given = nil
        }
        let text = substance ?? ""
        let key = SubstanceKey(text)

        if let hit = byKey[key] {
            let named = hit.substance
            let isToxicGas: Bool
            let beta: Double
            let category: HazardCategory?
            switch named.beta {
            case .toxicGas(let b):
                beta = b
                isToxicGas = true
                category = nil
            case .category(let code):
                category = given ?? GB18218Table2.category(code)
                beta = category?.beta ?? 1
                isToxicGas = category?.isToxicGas ?? false
            }
            return Classification(
                criticalQuantity: named.criticalQuantity,
                beta: beta,
                isToxicGas: isToxicGas,
                isLiquefiedGas: liquefied ?? (named.isLiquefiedGas || hit.liquefiedAlias),
                isHighlyToxicLiquid: named.isHighlyToxicLiquid || (category?.isHighlyToxicLiquid ?? false),
                basis: "GB 18218-2018 表1 \(named.name)")
        }

        if let own = GB18218Table2.byKey[key] {
            if let given, given.code != own.code { throw .conflictingCategory(substance: text, category: given.code) }
            return classification(of: own, liquefied: liquefied)
        }
        if let given { return classification(of: given, liquefied: liquefied) }
        if let hint = ambiguousByKey[key] { throw .ambiguousSubstance(text, hint: hint) }
        throw .unknownSubstance(text)
    }

    static func classification(of category: HazardCategory, liquefied: Bool?) -> Classification {
        Classification(
            criticalQuantity: category.criticalQuantity,
            beta: category.beta,
            isToxicGas: category.isToxicGas,
            isLiquefiedGas: liquefied ?? (category.isGas ? nil : false),
            isHighlyToxicLiquid: category.isHighlyToxicLiquid,
            basis: "GB 18218-2018 表2 \(category.code)")
    }
}
