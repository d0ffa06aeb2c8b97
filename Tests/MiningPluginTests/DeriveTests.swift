import HazardCore
import MiningPlugin
import Testing

struct DeriveTests {
    @Test("未回答的输入使相应事实缺省（未知）", arguments: [
        ([QuestionID: Double](), [String]()),
        ([MiningPlugin.annualOutput: 100], []),
        ([MiningPlugin.approvedCapacity: 120], []),
        ([MiningPlugin.annualOutput: 100, MiningPlugin.approvedCapacity: 120], ["capacity_ratio"]),
        ([MiningPlugin.quarterlyOutput: 30, MiningPlugin.approvedCapacity: 120], ["quarterly_ratio"]),
        ([MiningPlugin.shiftCrew: 30], []),
        ([MiningPlugin.shiftCrew: 30, MiningPlugin.crewLimit: 40], ["manning_ratio"]),
        ([MiningPlugin.faceAirRequired: 800], []),
        ([MiningPlugin.faceAirSupplied: 700, MiningPlugin.faceAirRequired: 800], ["face_air_ratio"]),
        ([MiningPlugin.faceDailyOutput: 3000], ["face_desorbable_gas_limit"]),
        ([MiningPlugin.faceGasEmission: 12], ["face_drainage_rate_required"]),
        ([MiningPlugin.mineGasEmission: 45], ["mine_drainage_rate_required"]),
    ])
    func absentWhenUnanswered(numbers: [QuestionID: Double], present: [String]) throws {
        #expect(try derive(numbers).values.keys.sorted() == present.sorted())
    }

    @Test("每个事实都已声明，每个输入都按数值声明")
    func declarations() {
        let plugin = MiningPlugin()
        let declared = Set(plugin.declaredFacts.map(\.name))
        #expect(declared == ["capacity_ratio", "quarterly_ratio", "manning_ratio", "face_air_ratio",
                             "face_desorbable_gas_limit", "face_drainage_rate_required", "mine_drainage_rate_required"])
        #expect(plugin.declaredInputs.allSatisfy { $0.type == .number })
        #expect(plugin.id == "mining")
    }

    @Test("除数为0或输入为负时报错", arguments: [
        ([MiningPlugin.annualOutput: 100, MiningPlugin.approvedCapacity: 0], "mining.zero_divisor"),
        ([MiningPlugin.shiftCrew: 10, MiningPlugin.crewLimit: 0], "mining.zero_divisor"),
        ([MiningPlugin.faceAirSupplied: 10, MiningPlugin.faceAirRequired: 0], "mining.zero_divisor"),
        ([MiningPlugin.faceGasEmission: -1], "negative_value"),
    ])
    func rejectsBadInput(numbers: [QuestionID: Double], code: String) {
        #expect(throws: PluginError.self) { try derive(numbers) }
        do { _ = try derive(numbers) } catch let error as PluginError { #expect(error.code == code) } catch { Issue.record(error) }
    }

    @Test("非数值答案报错")
    func rejectsText() {
        let answers = Answers([MiningPlugin.annualOutput: .string("很多"), MiningPlugin.approvedCapacity: .number(120)])
        #expect(throws: PluginError.self) { try MiningPlugin().derive(from: answers) }
    }
}
