import Foundation
import HazardCore
import HazardTestSupport
import HazardYAML
import Testing

@Suite("A list finding names the records that decided it")
struct MatchedRowsTests {
    let devices: Checklist

    init() throws {
        devices = try checklist("""
        questions:
          - id: devices
            label: 装置
            type: list
            fields:
              - {id: device, label: 名称, type: text}
              - {id: zone, label: 区域, type: enum, options: [{value: zone_1, label: 1区}, {value: zone_2, label: 2区}]}
              - {id: epl, label: EPL, type: enum, options: [{value: gb, label: Gb}, {value: gc, label: Gc}, {value: none, label: 非防爆}]}
              - {id: rated_kw, label: 功率, type: number}
        criteria:
          - {id: ANY, clause: "1", title: 非防爆装置, grade: major, hazard_when: 'any(devices, epl == "none")', advice: 更换}
          - {id: ALL, clause: "2", title: 并非全部防爆, grade: general, hazard_when: 'not all(devices, epl != "none")', advice: 更换}
          - {id: COUNT, clause: "3", title: 两台以上2区Gc, grade: general, hazard_when: 'count(devices, zone == "zone_2" and epl == "gc") >= 2', advice: 查}
          - {id: SUM, clause: "4", title: 总功率, grade: general, hazard_when: 'sum(devices, rated_kw) > 100', advice: 查}
        """)
    }

    static let fourDevices = """
        {devices: [{device: P-1, zone: zone_1, epl: gb, rated_kw: 5}, {device: 接线盒, zone: zone_1, epl: none, rated_kw: 1},
                   {device: 灯具A, zone: zone_2, epl: gc, rated_kw: 1}, {device: 灯具B, zone: zone_2, epl: gc, rated_kw: 1}]}
        """

    func rows(_ criterion: String, _ answers: String) throws -> [MatchedRow]? {
        let finding = try #require(try evaluate(devices, answers).finding(CriterionID(criterion)))
        return try #require(finding.evidence.first { $0.name == "devices" }).matchedRows
    }

    @Test("any() lists every record its condition held for, with the record's name and the fields read")
    func anyMatched() throws {
        let rows = try #require(try rows("ANY", Self.fourDevices))
        #expect(rows.map(\.index) == [1])
        #expect(rows.first?.function == .any)
        #expect(rows.first?.outcome == .matched)
        #expect(rows.first?.record.fields == ["device": .string("接线盒"), "epl": .string("none")])
    }

    @Test("all() lists the records its condition failed for")
    func allUnmatched() throws {
        let rows = try #require(try rows("ALL", Self.fourDevices))
        #expect(rows.map(\.index) == [1])
        #expect(rows.first?.outcome == .unmatched)
        #expect(rows.first?.function == .all)
    }

    @Test("count() lists every record it counted")
    func countMatched() throws {
        let rows = try #require(try rows("COUNT", Self.fourDevices))
        #expect(rows.map(\.index) == [2, 3])
        #expect(rows.allSatisfy { $0.outcome == .matched && $0.function == .count })
        #expect(rows.first?.record.fields == ["device": .string("灯具A"), "epl": .string("gc"), "zone": .string("zone_2")])
    }

    @Test("a record missing a field the condition reads is listed as undecided")
    func undecided() throws {
        let rows = try #require(try rows("ANY", "{devices: [{device: P-1, zone: zone_1, epl: gb}, {device: P-2, zone: zone_1}]}"))
        #expect(rows.map(\.index) == [1])
        #expect(rows.first?.outcome == .undecided)
        #expect(rows.first?.record.fields == ["device": .string("P-2")])
    }

    @Test("no record matching is an empty list; an unanswered list, or one read only by sum(), has none")
    func emptyAndAbsent() throws {
        #expect(try rows("ANY", "{devices: [{device: P-1, zone: zone_1, epl: gb}]}") == [])
        #expect(try rows("ANY", "{devices: []}") == [])
        #expect(try rows("ANY", "{}") == nil)
        #expect(try rows("SUM", Self.fourDevices) == nil)
    }

    @Test("grading is unchanged: any() still decides on the first matching record")
    func statuses() throws {
        let evaluation = try evaluate(devices, Self.fourDevices)
        #expect(evaluation.finding("ANY")?.status == .major)
        #expect(evaluation.finding("ALL")?.status == .general)
        #expect(evaluation.finding("COUNT")?.status == .general)
    }

    @Test("GS-5.4 of the shipped gas example names the 灌装间排风机接线盒 with epl: none")
    func gasExample() throws {
        let root = PackageRoot.url
        let gas = try ChecklistLoader(registry: PluginRegistry()).load(file: root.appendingPathComponent("checklists/gas/urban-gas-2023.yaml").path)
        let file = try AnswersFile.load(path: root.appendingPathComponent("examples/gas.yaml").path)
        let evaluation = try Engine.evaluate(gas, input: file.answers, inspectionDate: file.inspectionDate)
        let finding = try #require(evaluation.finding("GS-5.4"))
        #expect(finding.status == .major)
        let rows = try #require(finding.evidence.first { $0.name == "ex_area_devices" }?.matchedRows)
        #expect(rows.count == 1)
        #expect(rows.first?.index == 2)
        #expect(rows.first?.record["device"] == .string("灌装间排风机接线盒"))
        #expect(rows.first?.record["epl"] == .string("none"))
        #expect(rows.first?.record["zone"] == .string("zone_1"))
    }

    @Test("matched rows survive the Evaluation's JSON round trip")
    func codable() throws {
        let evaluation = try evaluate(devices, Self.fourDevices)
        let decoded = try JSONDecoder().decode(Evaluation.self, from: JSONEncoder().encode(evaluation))
        #expect(decoded.finding("COUNT")?.evidence.first?.matchedRows == evaluation.finding("COUNT")?.evidence.first?.matchedRows)
    }
}
