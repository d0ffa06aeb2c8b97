/// A row of GB 18218-2018 Table 1 (危险化学品名称及其临界量).
///
/// `number`, `name`, `aliases`, `cas` and `criticalQuantity` are the transcription's
/// (`gb18218-table1.csv`, checked field by field by the tests). Everything else — extra
/// spellings, the default category that decides β, the liquefied and 剧毒液体 flags — is the
/// encoder's and marked [M] where it comes from memory.
public struct NamedSubstance: Sendable, Hashable {
    /// How β is found for this substance (GB 18218-2018 分级, Tables 3 and 4).
    public enum BetaBasis: Sendable, Hashable {
        /// A toxic gas named in Table 3 (毒性气体校正系数β): β is fixed by the table and a
        /// record's `category` does not change it.
        case toxicGas(Double)
        /// Any other chemical: β follows its hazard category (Table 4). The code here is this
        /// encoding's default; a record may give the category it actually has (e.g. gasoline of
        /// flammable-liquid category 1 is `W5.1`). The category never changes Q.
        case category(String)
        /// [M] A chemical that falls in none of Table 2's categories (e.g. 三氧化硫: corrosive,
        /// not toxic, flammable or oxidising by those classes): β 1 unless a record gives a
        /// category. Table 4 gives 1 to every category except toxic gases, explosives,
        /// flammable gases and the most reactive liquids, so 1 is the value the table implies
        /// for an ordinary hazard, not a value the standard states.
        case unclassified
    }

    /// The row number in Table 1 (序号), 1…85.
    public let number: Int
    /// Name as Table 1 writes it, qualifier included: `硝酸铵(含可燃物≤0.2%)`.
    public let name: String
    /// Table 1's own aliases (别名).
    public let aliases: [String]
    /// [M] Further spellings the encoder accepts for this row (formulae such as `Cl2`, the bare
    /// name of a qualified row such as `氯化氢`, spellings that predate the full table). Never
    /// the spelling of another row.
    public let extraSpellings: [String]
    /// [M] Spellings that mean the liquefied form (`液化天然气`, `液氧`): they set
    /// `isLiquefiedGas`.
    public let liquefiedSpellings: [String]
    /// Table 1's CAS numbers, without the transcription's labels (`74-82-8(甲烷)` → `74-82-8`).
    public let cas: [String]
    /// Critical quantity Q in t (GB 18218-2018 Table 1).
    public let criticalQuantity: Double
    public let beta: BetaBasis
    /// Normally stored as a liquefied gas (液化气体, pressurised or refrigerated). [M] the
    /// encoder's default; a record's `liquefied` answer overrides it.
    public let isLiquefiedGas: Bool
    /// A 剧毒 chemical stored as a liquid (剧毒液体). [M] the encoder's classification.
    public let isHighlyToxicLiquid: Bool
    /// What in this row is from memory or an interpretation.
    public let note: String?

    public init(
        _ number: Int, _ name: String, aliases: [String] = [], extraSpellings: [String] = [],
        liquefiedSpellings: [String] = [], cas: [String] = [],
        q criticalQuantity: Double, beta: BetaBasis, liquefied: Bool = false, highlyToxicLiquid: Bool = false,
        note: String? = nil
    ) {
        self.number = number
        self.name = name
        self.aliases = aliases
        self.extraSpellings = extraSpellings
        self.liquefiedSpellings = liquefiedSpellings
        self.cas = cas
        self.criticalQuantity = criticalQuantity
        self.beta = beta
        self.isLiquefiedGas = liquefied
        self.isHighlyToxicLiquid = highlyToxicLiquid
        self.note = note
    }

    /// A toxic gas of Table 3 (毒性气体).
    public var isTableThreeToxicGas: Bool {
        if case .toxicGas = beta { return true }
        return false
    }

    /// Every text that finds this row on its own: name, aliases, CAS and extra spellings
    /// (liquefied spellings are kept apart because they also set `isLiquefiedGas`).
    public var spellings: [String] { [name] + aliases + cas + extraSpellings }

    /// How an error message names the row: `硝酸铵(含可燃物≤0.2%)（表1第44行，Q 50 t）`.
    public var citation: String {
        "\(name)（表1第\(number)行，Q \(Self.format(criticalQuantity)) t）"
    }

    /// `50` rather than `50.0`, `0.75` as it is.
    static func format(_ q: Double) -> String {
        q == q.rounded() && abs(q) < 1e15 ? String(Int(q)) : String(q)
    }
}
