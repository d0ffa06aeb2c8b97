/// A hazard category of GB 18218-2018 Table 2 (危险化学品类别及其临界量, for chemicals that
/// Table 1 does not name) with its correction factor β from Table 4 (未在表3中列举的危险化学品
/// 校正系数β取值表).
///
/// Codes are the standard's own: `J1`…`J5` for acute toxicity (健康危险性), `W1.1`…`W11` for
/// physical hazards (物理危险性).
public struct HazardCategory: Sendable, Hashable {
    /// The Table 2 code, e.g. `W5.3`.
    public let code: String
    /// What the category covers, in Chinese as the standard describes it.
    public let label: String
    /// Critical quantity Q in t (GB 18218-2018 Table 2).
    public let criticalQuantity: Double
    /// Correction factor β (GB 18218-2018 Table 4).
    public let beta: Double

    public init(code: String, label: String, criticalQuantity: Double, beta: Double) {
        self.code = code
        self.label = label
        self.criticalQuantity = criticalQuantity
        self.beta = beta
    }

    /// J1 and J3 are acutely toxic *gases* (毒性气体) — used for 安监总管三〔2017〕121号 item 五.
    public var isToxicGas: Bool { code == "J1" || code == "J3" }

    /// J2 is acute toxicity category 1 as a solid or liquid, i.e. 剧毒. A tank farm (罐区, the
    /// scope of 121号 item 五) holds liquids, so a J2 entry counts as a 剧毒液体.
    public var isHighlyToxicLiquid: Bool { code == "J2" }

    /// Categories that are gases at ambient conditions; whether such a gas is stored liquefied
    /// must be answered (`liquefied`), it is not implied by the category.
    public var isGas: Bool { ["J1", "J3", "W2", "W4"].contains(code) }
}
