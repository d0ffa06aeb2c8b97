import HazardCore
import MiningPlugin
import Testing

/// 应急管理部令第21号 表1–表3 (瓦斯抽采达标指标).
struct GasDrainageTargetTests {
    @Test("表1：按工作面日产量A确定可解吸瓦斯量上限，区间为“下限 < A ≤ 上限”", arguments: [
        (0.0, 8.0), (999.0, 8.0), (1000.0, 8.0), (1001.0, 7.0),
        (2499.0, 7.0), (2500.0, 7.0), (2501.0, 6.0),
        (3999.0, 6.0), (4000.0, 6.0), (4001.0, 5.5),
        (5999.0, 5.5), (6000.0, 5.5), (6001.0, 5.0),
        (7999.0, 5.0), (8000.0, 5.0), (8001.0, 4.5),
        (9999.0, 4.5), (10000.0, 4.5), (10001.0, 4.0), (50000.0, 4.0),
    ])
    func table1(dailyOutput: Double, limit: Double) throws {
        #expect(GasDrainageTargets.faceDesorbableGasLimit(dailyOutput: dailyOutput) == limit)
        #expect(try fact("face_desorbable_gas_limit", [MiningPlugin.faceDailyOutput: dailyOutput]) == limit)
    }

    @Test("表2：按工作面绝对瓦斯涌出量Q确定工作面抽采率下限，区间为“下限 ≤ Q < 上限”", arguments: [
        (0.0, 0.0), (4.99, 0.0), (5.0, 20.0), (5.01, 20.0),
        (9.99, 20.0), (10.0, 30.0), (10.01, 30.0),
        (19.99, 30.0), (20.0, 40.0), (20.01, 40.0),
        (39.99, 40.0), (40.0, 50.0), (40.01, 50.0),
        (69.99, 50.0), (70.0, 60.0), (70.01, 60.0),
        (99.99, 60.0), (100.0, 70.0), (100.01, 70.0), (500.0, 70.0),
    ])
    func table2(emission: Double, rate: Double) throws {
        #expect(GasDrainageTargets.faceDrainageRateRequired(absoluteEmission: emission) == rate)
        #expect(try fact("face_drainage_rate_required", [MiningPlugin.faceGasEmission: emission]) == rate)
    }

    @Test("表3：按矿井绝对瓦斯涌出量Q确定矿井抽采率下限，区间为“下限 ≤ Q < 上限”", arguments: [
        (0.0, 25.0), (19.99, 25.0), (20.0, 35.0), (20.01, 35.0),
        (39.99, 35.0), (40.0, 40.0), (40.01, 40.0),
        (79.99, 40.0), (80.0, 45.0), (80.01, 45.0),
        (159.99, 45.0), (160.0, 50.0), (160.01, 50.0),
        (299.99, 50.0), (300.0, 55.0), (300.01, 55.0),
        (499.99, 55.0), (500.0, 60.0), (500.01, 60.0), (2000.0, 60.0),
    ])
    func table3(emission: Double, rate: Double) throws {
        #expect(GasDrainageTargets.mineDrainageRateRequired(absoluteEmission: emission) == rate)
        #expect(try fact("mine_drainage_rate_required", [MiningPlugin.mineGasEmission: emission]) == rate)
    }
}
