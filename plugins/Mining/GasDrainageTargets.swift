/// Gas-drainage targets (瓦斯抽采达标指标) of 《煤矿重大事故隐患判定标准》应急管理部令第21号
/// (2026), tables 1–3, used by 第五条 (瓦斯抽采不达标).
///
/// Band edges are exactly as the reference states them:
/// - table 1 bands read "lower < A ≤ upper";
/// - tables 2 and 3 bands read "lower ≤ Q < upper".
public enum GasDrainageTargets {
    /// 表1: the highest allowed desorbable gas content (可解吸瓦斯量, m³/t) of the coal at least
    /// 20 m ahead of a longwall face, by the face's daily output A (t).
    ///
    /// A ≤ 1000 → 8; 1000 < A ≤ 2500 → 7; 2500 < A ≤ 4000 → 6; 4000 < A ≤ 6000 → 5.5;
    /// 6000 < A ≤ 8000 → 5; 8000 < A ≤ 10000 → 4.5; A > 10000 → 4.
    public static func faceDesorbableGasLimit(dailyOutput a: Double) -> Double {
        switch a {
        case ...1000: return 8
        case ...2500: return 7
        case ...4000: return 6
        case ...6000: return 5.5
        case ...8000: return 5
        case ...10000: return 4.5
        default: return 4
        }
    }

    /// 表2: the lowest face drainage rate (工作面瓦斯抽采率, %) by the face's absolute gas
    /// emission Q (m³/min).
    ///
    /// 5 ≤ Q < 10 → 20; 10 ≤ Q < 20 → 30; 20 ≤ Q < 40 → 40; 40 ≤ Q < 70 → 50;
    /// 70 ≤ Q < 100 → 60; Q ≥ 100 → 70. The table starts at 5 m³/min: below it there is no
    /// required rate and this returns 0.
    public static func faceDrainageRateRequired(absoluteEmission q: Double) -> Double {
        switch q {
        case ..<5: return 0
        case ..<10: return 20
        case ..<20: return 30
        case ..<40: return 40
        case ..<70: return 50
        case ..<100: return 60
        default: return 70
        }
    }

    /// 表3: the lowest mine drainage rate (矿井瓦斯抽采率, %) by the mine's absolute gas
    /// emission Q (m³/min).
    ///
    /// Q < 20 → 25; 20 ≤ Q < 40 → 35; 40 ≤ Q < 80 → 40; 80 ≤ Q < 160 → 45;
    /// 160 ≤ Q < 300 → 50; 300 ≤ Q < 500 → 55; Q ≥ 500 → 60.
    public static func mineDrainageRateRequired(absoluteEmission q: Double) -> Double {
        switch q {
        case ..<20: return 25
        case ..<40: return 35
        case ..<80: return 40
        case ..<160: return 45
        case ..<300: return 50
        case ..<500: return 55
        default: return 60
        }
    }
}
