/// What GB 18218-2018 says about one inventory record's chemical: its critical quantity Q,
/// correction factor β, and the properties 安监总管三〔2017〕121号 item 五 asks about.
public struct Classification: Sendable, Hashable {
    /// Critical quantity Q in t.
    public var criticalQuantity: Double
    /// Correction factor β.
    public var beta: Double
    /// A toxic gas (毒性气体): named in Table 3, or category J1/J3.
    public var isToxicGas: Bool
    /// Stored as a liquefied gas (液化气体); nil when it depends on an unanswered `liquefied`.
    public var isLiquefiedGas: Bool?
    /// A highly toxic liquid (剧毒液体).
    public var isHighlyToxicLiquid: Bool
    /// Where Q came from, for messages: `GB 18218-2018 表1第12行 氯` or `GB 18218-2018 表2 W5.3`.
    public var basis: String

    public init(criticalQuantity: Double, beta: Double, isToxicGas: Bool, isLiquefiedGas: Bool?, isHighlyToxicLiquid: Bool, basis: String) {
        self.criticalQuantity = criticalQuantity
        self.beta = beta
        self.isToxicGas = isToxicGas
        self.isLiquefiedGas = isLiquefiedGas
        self.isHighlyToxicLiquid = isHighlyToxicLiquid
        self.basis = basis
    }
}
