/// Finds a chemical's Q and β (GB 18218-2018 Tables 1–4) from what an inspector wrote.
///
/// Resolution of one record (`substance`, optional `category`, optional `liquefied`):
/// 1. `substance` is a spelling that does not decide a Table 1 row (`GB18218Table1.ambiguous`,
///    or a CAS or alias several rows share) → `LookupFailure.ambiguousSubstance` listing the
///    rows, even with a `category` — unless the spelling may also mean material outside
///    Table 1 (`甲醛`: formalin) and a `category` is given: then that material counts by its
///    category, as in step 4.
/// 2. `substance` is a Table 1 name, alias or CAS number (see `SubstanceKey` for spelling
///    tolerance) → Q from Table 1, always: a `category` never changes a Table 1 row's Q.
///    β from Table 3 for its toxic gases; otherwise from the Table 4 category — the record's
///    `category` if given, else the row's default.
/// 3. `substance` is a Table 2 code (`W5.3`, `J1`) → Q from Table 2, β from Table 4.
/// 4. otherwise `category` must be given → Q/β of that category; `substance` is then only a
///    label (a chemical Table 1 does not list, such as 丙烯 or 柴油, with category `W2` or
///    `W5.4`).
/// 5. otherwise `LookupFailure.unknownSubstance`, with the Table 1 rows spelled most like it
///    ("did you mean") — never a silent zero, and never a silent fuzzy match.
///
/// A chemical with several hazard classes takes the class with the lowest Q, and a mixture
/// of another class than its pure substance takes the mixture's own class ([M] per the
/// reference): the plugin does not work that out — the inspector gives that one `category`.
///
/// `liquefied` (if answered) overrides whether the record is a liquefied gas; without it a
/// Table 1 row uses its default (`液化天然气` as a spelling counts as liquefied), a gas category
/// (J1, J3, W2, W4) is unknown and any other category is not a gas.
public enum SubstanceCatalog {
    /// Every spelling of every row → the rows it finds, and whether that spelling means the
    /// liquefied form. More than one row means the spelling is ambiguous (硝化棉, 9004-70-0).
    static let index: [SubstanceKey: [(substance: NamedSubstance, isLiquefiedSpelling: Bool)]] = {
        var map: [SubstanceKey: [(substance: NamedSubstance, isLiquefiedSpelling: Bool)]] = [:]
        for row in GB18218Table1.substances {
            let liquefied = Set(row.liquefiedSpellings.map(SubstanceKey.init))
            for text in row.spellings + row.liquefiedSpellings {
                let key = SubstanceKey(text)
                if map[key, default: []].contains(where: { $0.substance.number == row.number }) { continue }
                map[key, default: []].append((row, liquefied.contains(key)))
            }
        }
        return map
    }()

    static let ambiguousByKey: [SubstanceKey: AmbiguousSpelling] = {
        var map: [SubstanceKey: AmbiguousSpelling] = [:]
        for spelling in GB18218Table1.ambiguous { map[SubstanceKey(spelling.text)] = spelling }
        return map
    }()

    static let rowsByNumber: [Int: NamedSubstance] = {
        var map: [Int: NamedSubstance] = [:]
        for row in GB18218Table1.substances { map[row.number] = row }
        return map
    }()

    /// The Table 1 row with this number (序号), or nil.
    public static func row(_ number: Int) -> NamedSubstance? {
        rowsByNumber[number]
    }

    /// The one Table 1 row a name, alias or CAS number denotes; nil when it denotes none or
    /// is ambiguous.
    public static func namedSubstance(_ text: String) -> NamedSubstance? {
        let key = SubstanceKey(text)
        guard ambiguousByKey[key] == nil, let hits = index[key], hits.count == 1 else { return nil }
        return hits[0].substance
    }

    /// Q in t for a Table 1 name/alias/CAS or a Table 2 code; nil when unknown or ambiguous.
    public static func criticalQuantity(_ text: String) -> Double? {
        (try? classify(substance: text))?.criticalQuantity
    }

    /// β for a Table 1 name/alias/CAS (its Table 3 value or default category) or a Table 2 code.
    public static func beta(_ text: String) -> Double? {
        (try? classify(substance: text))?.beta
    }

    /// Classifies one inventory record; see the type's documentation for the order of rules.
    /// - Throws: `LookupFailure`.
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

        if let spelling = ambiguousByKey[key] {
            if spelling.mayBeUnlisted, let given { return classification(of: given, liquefied: liquefied) }
            throw .ambiguousSubstance(text, choices: spelling.rows.compactMap { row($0)?.citation }, hint: spelling.hint)
        }

        if let hits = index[key] {
            guard hits.count == 1 else {
                throw .ambiguousSubstance(text, choices: hits.map(\.substance.citation),
                                          hint: "表1有多行使用这一写法，各行临界量不同，category 不能代替行的选择：请写所指行的名称")
            }
            return classification(of: hits[0].substance, isLiquefiedSpelling: hits[0].isLiquefiedSpelling, given: given, liquefied: liquefied)
        }

        if let own = GB18218Table2.byKey[key] {
            if let given, given.code != own.code { throw .conflictingCategory(substance: text, category: given.code) }
            return classification(of: own, liquefied: liquefied)
        }
        if let given { return classification(of: given, liquefied: liquefied) }
        throw .unknownSubstance(text, suggestions: suggestions(for: text))
    }

    /// A Table 1 row: its own Q whatever the category; β from Table 3, else from the given or
    /// default category (GB 18218-2018 Tables 3 and 4).
    static func classification(of named: NamedSubstance, isLiquefiedSpelling: Bool, given: HazardCategory?, liquefied: Bool?) -> Classification {
        let beta: Double
        let isToxicGas: Bool
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
        case .unclassified:
            category = given
            beta = given?.beta ?? 1
            isToxicGas = given?.isToxicGas ?? false
        }
        return Classification(
            criticalQuantity: named.criticalQuantity,
            beta: beta,
            isToxicGas: isToxicGas,
            isLiquefiedGas: liquefied ?? (named.isLiquefiedGas || isLiquefiedSpelling),
            isHighlyToxicLiquid: named.isHighlyToxicLiquid || (category?.isHighlyToxicLiquid ?? false),
            basis: "GB 18218-2018 表1第\(named.number)行 \(named.name)")
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
