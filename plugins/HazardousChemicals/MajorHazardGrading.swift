/// GB 18218-2018 identification (辨识) and grading (分级) arithmetic; the same formulas are in
/// 原安监总局令第40号 Annex 1. (Clause numbers are not given: the reference does not state them.)
public enum MajorHazardGrading {
    /// One classified inventory record: design maximum quantity q (t) and its classification.
    public struct Item: Sendable, Hashable {
        public var quantity: Double
        public var classification: Classification
        public init(quantity: Double, classification: Classification) {
            self.quantity = quantity
            self.classification = classification
        }
    }

    /// 辨识: S = Σ qᵢ/Qᵢ; the unit is a major hazard source (重大危险源) when S ≥ 1 (a single
    /// chemical: q ≥ Q). Rounded to 6 decimal places (see `rounded`).
    public static func s(_ items: [Item]) -> Double {
        rounded(items.reduce(0) { $0 + $1.quantity / $1.classification.criticalQuantity })
    }

    /// 分级: R = α · Σ(βᵢ · qᵢ/Qᵢ), rounded to 6 decimal places.
    public static func r(_ items: [Item], alpha: Double) -> Double {
        rounded(alpha * items.reduce(0) { $0 + $1.classification.beta * $1.quantity / $1.classification.criticalQuantity })
    }

    public static func isMajorSource(s: Double) -> Bool { s >= 1 }

    /// α by the number of permanent residents within 500 m of the plant boundary
    /// (厂区边界向外扩展500米范围内常住人口数量): 100人以上 2.0; 50～99人 1.5; 30～49人 1.2;
    /// 1～29人 1.0; 0人 0.5.
    public static func alpha(population: Double) -> Double {
        if population >= 100 { return 2.0 }
        if population >= 50 { return 1.5 }
        if population >= 30 { return 1.2 }
        if population >= 1 { return 1.0 }
        return 0.5
    }

    /// Grade (级别) of a major hazard source from R, each band inclusive at its lower bound:
    /// 一级 R ≥ 100; 二级 100 > R ≥ 50; 三级 50 > R ≥ 10; 四级 R < 10. Grade 1 is the most severe.
    public static func level(r: Double) -> Int {
        if r >= 100 { return 1 }
        if r >= 50 { return 2 }
        if r >= 10 { return 3 }
        return 4
    }

    /// S and R are rounded to 6 decimal places before they are compared or reported, so that
    /// binary floating point (800/500 = 1.6000000000000001, 0.1 + 0.2 ≠ 0.3) never moves a value
    /// that is on a boundary in decimal arithmetic to the other side of it. Quantities are in
    /// t, so 10⁻⁶ is 1 g of a 1 t critical quantity — far below any inventory's precision.
    public static func rounded(_ x: Double) -> Double {
        (x * 1_000_000).rounded() / 1_000_000
    }
}
