import Foundation
import HazardCore
import Testing

@Suite("Evaluation warnings: a stable code, English in JSON, Chinese in the report")
struct EvaluationWarningTests {
    let old: Checklist

    init() throws {
        old = try checklist("""
        id: old
        version: "1"
        sector: demo
        title: 旧版
        standard: {code: OLD-2017, title: 旧标准, issuer: 机关, effective: 2017-01-01, valid_until: 2025-10-31, superseded_by: NEW-2025}
        questions: [{id: a, label: 甲, type: boolean}]
        criteria: [{id: C1, clause: "1", title: 甲, grade: major, hazard_when: a}]
        """, header: false)
    }

    @Test("every code has its English and Chinese text, and the Chinese text is Chinese",
          arguments: EvaluationWarning.Code.allCases)
    func everyCodeTranslated(code: EvaluationWarning.Code) {
        let warning = EvaluationWarning(code, ["date": "2026-01-01", "until": "2025-10-31", "effective": "2027-01-01", "standard": "S",
                                               "successor": "T", "checklist": "t", "plugin": "p", "value": "1", "fact": "p.f", "type": "boolean"])
        #expect(!warning.message.contains("{") && !warning.chinese.contains("{"))
        #expect(warning.chinese != warning.message)
        #expect(warning.chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
        #expect(warning.description == warning.message + " [\(code.rawValue)]")
    }

    @Test("an inspection after the last day in force warns in both languages, naming the standard in force")
    func superseded() throws {
        let warning = try #require(try evaluate(old, "{a: false}", date: "2025-11-01").warnings.first)
        #expect(warning.code == .standardReplacedNotEncoded)
        #expect(warning.chinese.contains("现行标准为 NEW-2025"))
        #expect(warning.chinese.contains("2025-11-01"))
    }

    @Test("an inspection before the standard took effect says so")
    func notYetInForce() throws {
        let warning = try #require(try evaluate(old, "{a: false}", date: "2016-12-31").warnings.first)
        #expect(warning.code == .standardNotYetInForce)
        #expect(warning.message == "inspection date 2016-12-31 is before 2017-01-01, when OLD-2017 took effect")
        #expect(warning.chinese == "检查日期 2016-12-31 早于 OLD-2017 的施行日期 2017-01-01：检查之日该标准尚未施行。")
    }

    @Test("JSON carries `message [code]`, and reading it back keeps code and message")
    func roundTrip() throws {
        let evaluation = try evaluate(old, "{a: false}", date: "2025-11-01")
        let json = String(decoding: try JSONEncoder().encode(evaluation.warnings), as: UTF8.self)
        #expect(json.hasSuffix(#" [standard_replaced_not_encoded]"]"#))
        let decoded = try JSONDecoder().decode([EvaluationWarning].self, from: Data(json.utf8))
        #expect(decoded == evaluation.warnings)
        #expect(decoded.first?.code == .standardReplacedNotEncoded)
        let plain = try JSONDecoder().decode([EvaluationWarning].self, from: Data(#"["something [not a code]"]"#.utf8))
        #expect(plain.first?.code == nil)
        #expect(plain.first?.message == "something [not a code]")
    }
}
