import HazardCore
import HazardYAML
import Testing

@Suite("Scoring, completeness, rating and validity warnings")
struct ScoringTests {
    let list: Checklist

    init() throws {
        list = try checklist("""
            sections:
              - {id: mgmt, title: 管理}
              - {id: site, title: 现场}
            questions:
              - {id: a, label: 甲, type: boolean}
              - {id: b, label: 乙, type: boolean}
              - {id: c, label: 丙, type: boolean}
              - {id: d, label: 丁, type: boolean}
            criteria:
              - {id: M1, clause: "1", title: 甲, grade: major, section: mgmt, weight: 3, hazard_when: a}
              - {id: G1, clause: "2", title: 乙, grade: general, section: mgmt, hazard_when: b}
              - {id: G2, clause: "3", title: 丙, grade: general, section: site, hazard_when: c}
              - {id: N1, clause: "4", title: 丁, grade: general, section: site, applies_when: "not d", hazard_when: c}
            """.replacingOccurrences(of: "id: demo", with: "id: demo"))
    }

    @Test("score = 100 × compliant weight ÷ decided weight; not-applicable and unanswered do not count")
    func score() throws {
        let e = try evaluate(list, "{a: false, b: true, d: true}")
        // M1 compliant (3), G1 general (1), G2 unanswered, N1 not applicable.
        #expect(e.score == 75)
        #expect(e.counts.compliant == 1 && e.counts.general == 1 && e.counts.unanswered == 1 && e.counts.notApplicable == 1)
        #expect(e.completeness == 2.0 / 3.0)
        #expect(e.sections.map(\.score) == [75, nil])
    }

    @Test("when nothing counts the score is null, never 0")
    func nullScore() throws {
        let e = try evaluate(list, "{}")
        #expect(e.score == nil)
        #expect(e.completeness == 0)
        #expect(e.rating.provisional)
    }

    @Test("the rating maps hazards to the four colours", arguments: [
        ("{a: true, b: false, c: false, d: true}", Rating.Level.red),
        ("{a: false, b: true, c: true, d: false}", .orange),
        ("{a: false, b: true, c: false, d: true}", .yellow),
        ("{a: false, b: false, c: false, d: false}", .blue),
    ])
    func rating(answers: String, level: Rating.Level) throws {
        let e = try evaluate(list, answers)
        #expect(e.rating.level == level)
        #expect(!e.rating.provisional)
    }

    @Test("an empty form is not rated: nothing answered gives 未评级, never 蓝色（低风险）")
    func nothingDecidedIsUnrated() throws {
        let e = try evaluate(list, "{}")
        #expect(e.rating.level == .unrated)
        #expect(e.rating.label == "未评级" && e.rating.provisional)
        #expect(e.rating.level.reportName == "未评级（尚无已判定的检查项）")
        // One decided criterion is enough to rate; a major hazard is red however little else is known.
        #expect(try evaluate(list, "{a: false}").rating.level == .blue)
        #expect(try evaluate(list, "{a: true}").rating.level == .red)
        #expect(try evaluate(list, "{a: false, b: true}").rating.level == .yellow)
    }

    @Test("a checklist where nothing applies is rated blue: no hazard can be there")
    func nothingAppliesIsBlue() throws {
        let none = try checklist("""
            questions: [{id: here, label: 适用, type: boolean}, {id: a, label: 甲, type: boolean}]
            criteria: [{id: C1, clause: "1", title: 甲, grade: major, applies_when: here, hazard_when: a}]
            """)
        let e = try evaluate(none, "{here: false}")
        #expect(e.score == nil && e.counts.unanswered == 0)
        #expect(e.rating.level == .blue && !e.rating.provisional)
    }

    @Test("findings keep the file order and carry clause, title and section")
    func order() throws {
        let e = try evaluate(list, "{a: true}")
        #expect(e.findings.map(\.criterion.rawValue) == ["M1", "G1", "G2", "N1"])
        #expect(e.findings[0].clause == "1" && e.findings[0].section == "mgmt" && e.findings[0].status == .major)
    }

    @Test("the evaluation records the checklist id, version and SHA-256 of its content")
    func fingerprint() throws {
        let e = try evaluate(list, "{}")
        #expect(e.checklist.id == "demo" && e.checklist.version == "1")
        #expect(e.checklist.sha256 == list.sha256)
        #expect(list.sha256.count == 64)
    }

    @Test("an inspection after the standard's last day in force warns and names the newer version")
    func superseded() throws {
        let old = try checklist("""
            id: old
            version: "1"
            sector: demo
            title: 旧版
            standard: {code: OLD-2017, title: 旧标准, issuer: 机关, effective: 2017-01-01, valid_until: 2025-10-31, superseded_by: NEW-2025}
            questions: [{id: a, label: 甲, type: boolean}]
            criteria: [{id: C1, clause: "1", title: 甲, grade: major, hazard_when: a}]
            """, header: false)
        let late = try evaluate(old, "{a: false}", date: "2025-11-01")
        #expect(late.warnings.count == 1)
        #expect(late.warnings.first?.message.contains("NEW-2025") == true)
        #expect(late.warnings.first?.code == .standardReplacedNotEncoded)
        #expect(try evaluate(old, "{a: false}", date: "2025-10-31").warnings.isEmpty)
        // Without a date nothing about validity can be said, and the evaluation says so.
        let undated = try evaluate(old, "{a: false}")
        #expect(undated.warnings.map(\.code) == [.noInspectionDate])
        #expect(undated.warnings.first?.chinese.contains("未给出检查日期") == true)
    }
}
