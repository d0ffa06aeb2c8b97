/// A chemical named in GB 18218-2018 Table 1 (危险化学品名称及其临界量).
public struct NamedSubstance: Sendable, Hashable {
    /// How β is found for this substance (GB 18218-2018 分级, Tables 3 and 4).
    public enum BetaBasis: Sendable, Hashable {
        /// A toxic gas named in Table 3 (毒性气体校正系数β): β is fixed by the table.
        case toxicGas(Double)
        /// Any other chemical: β follows its hazard category (Table 4). The code here is this
        /// encoding's default; a record may give the category it actually has (e.g. gasoline of
        /// flammable-liquid category 1 is `W5.1`, benzene worked above its boiling point too).
        case category(String)
    }

    /// Name as the reference writes it, e.g. `氯`.
    public let name: String
    /// Other names an inspector may write (`液氯`, `氯气`).
    public let aliases: [String]
    /// Aliases that mean the liquefied form (`液化天然气`, `液氧`): they set `isLiquefiedGas`.
    public let liquefiedAliases: [String]
    /// CAS numbers. [M] the reference gives none; these are the encoder's, from general
    /// knowledge — check against the standard's Table 1.
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
        _ name: String, aliases: [String] = [], liquefiedAliases: [String] = [], cas: [String] = [],
        q criticalQuantity: Double, beta: BetaBasis, liquefied: Bool = false, highlyToxicLiquid: Bool = false,
        note: String? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.liquefiedAliases = liquefiedAliases
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
}
