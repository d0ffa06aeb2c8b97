import HazardCore
import HazardYAML
import Testing

/// The guide reads the compiled conditions: which unanswered questions can still change a
/// finding, in which order, and what is already decided.
@Suite("Guided inspection: only the questions that still matter")
struct InspectionGuideTests {
    let list: Checklist
    let guide: InspectionGuide

    init() throws {
        list = try checklist("""
            plugin: demo
            sections: [{id: pit, title: 基坑}, {id: site, title: 现场}]
            questions:
              - {id: has_pit, label: 有基坑, type: boolean}
              - {id: depth, label: 开挖深度, type: number, unit: m, min: 0, max: 50}
              - {id: plan, label: 有专项方案, type: boolean}
              - {id: monitored, label: 有监测, type: boolean}
              - {id: guarded, label: 有护栏, type: boolean}
              - {id: lit, label: 有照明, type: boolean}
              - {id: signed, label: 有标识, type: boolean}
              - {id: expiry, label: 证书有效期, type: date}
              - {id: loads, label: 荷载, type: list, fields: [{id: weight, label: 重量, type: number}]}
              - {id: unused, label: 无条件读取, type: boolean}
            criteria:
              - {id: P1, clause: "1", section: pit, title: 深基坑无方案, grade: major, applies_when: has_pit, hazard_when: "depth >= 5 and not plan"}
              - {id: P2, clause: "2", section: pit, title: 无监测, grade: major, applies_when: has_pit, hazard_when: "not monitored"}
              - {id: S1, clause: "3", section: site, title: 防护, grade: general, hazard_when: "not guarded and (not lit or not signed)"}
              - {id: S2, clause: "4", section: site, title: 连带, grade: general, hazard_when: "finding(\\"P2\\") and not signed"}
              - {id: S3, clause: "5", section: site, title: 过期, grade: general, hazard_when: "answered(expiry) and days_since(expiry) > 0"}
              - {id: S4, clause: "6", section: site, title: 超重, grade: major, hazard_when: demo.heavy}
            """)
        guide = InspectionGuide(list)
    }

    func step(_ answers: String, date: String = "2026-04-15") throws -> InspectionStep {
        let node = try YAMLParser.parse(Array(answers.utf8), file: "answers.yaml")
        return try guide.next(input: node.answerInput, inspectionDate: Day(iso: date))
    }

    func open(_ step: InspectionStep) -> [String] { step.open.map(\.question.id.rawValue) }

    @Test("with nothing answered every question a criterion reads is open, applicability first, unread ones never")
    func initial() throws {
        let s = try step("{}")
        #expect(open(s) == ["has_pit", "depth", "plan", "monitored", "guarded", "lit", "signed", "expiry", "loads"])
        #expect(s.open.first?.isApplicability == true)
        #expect(s.open.first?.criteria == ["P1", "P2", "S2"])
        #expect(s.progress.decided == 0 && s.progress.applicable == 6 && s.progress.waiting == 6)
    }

    @Test("a section that does not apply drops all its questions")
    func sectionDropped() throws {
        let s = try step("{has_pit: false}")
        #expect(!open(s).contains("depth") && !open(s).contains("plan") && !open(s).contains("monitored"))
        #expect(s.decidedStatus(0) == .notApplicable && s.decidedStatus(1) == .notApplicable)
        #expect(s.progress.notApplicable == 2 && s.progress.applicable == 4)
    }

    @Test("a false branch of 'and' decides it: the other branch's question is not asked")
    func andPruned() throws {
        let s = try step("{has_pit: true, depth: 3}")
        #expect(!open(s).contains("plan"), "depth < 5 decides P1 whatever the plan")
        #expect(s.decidedStatus(0) == .compliant)
    }

    @Test("a true branch of 'or' leaves the other one unasked")
    func orPruned() throws {
        let s = try step("{guarded: false, lit: false}")
        #expect(s.decidedStatus(2) == .general)
        let sOpen = try step("{guarded: false, lit: true}")
        #expect(open(sOpen).contains("signed"))
        #expect(sOpen.open.first { $0.question.id == "signed" }?.criteria == ["S1", "S2"])
    }

    @Test("a decided hazard_when waits only on applies_when")
    func appliesOnly() throws {
        let s = try step("{depth: 8, plan: false, monitored: true}")
        #expect(open(s).prefix(1) == ["has_pit"])
        #expect(s.open.first?.isApplicability == true)
        #expect(s.decidedStatus(0) == nil)
    }

    @Test("finding() of an undecided criterion passes its questions on")
    func throughFinding() throws {
        let s = try step("{guarded: true, signed: false}")
        // S2 = finding(P2) and not signed: P2 waits on has_pit and monitored.
        let monitored = try #require(s.open.first { $0.question.id == "monitored" })
        #expect(monitored.criteria == ["P2", "S2"])
        let decided = try step("{guarded: true, signed: true}")
        #expect(decided.decidedStatus(3) == .compliant)
    }

    @Test("answered() keeps its question open although the engine already decides the criterion")
    func presence() throws {
        let s = try step("{}")
        #expect(open(s).contains("expiry"))
        #expect(s.decidedStatus(4) == nil)
        let past = try step("{expiry: 2026-01-01}")
        #expect(past.decidedStatus(4) == .general)
        #expect(!open(past).contains("expiry"))
    }

    @Test("an unknown plugin fact waits on the plugin's unanswered inputs")
    func pluginFact() throws {
        let s = try step("{}")
        #expect(s.open.first { $0.question.id == "loads" }?.criteria == ["S4"])
        let decided = try step("{loads: [{weight: 200}]}")
        #expect(decided.decidedStatus(5) == .major)
        #expect(!open(decided).contains("loads"))
    }

    @Test("a question answered null is skipped: not offered again, still reported")
    func skipped() throws {
        let s = try step("{has_pit: null}")
        #expect(!open(s).contains("has_pit"))
        #expect(s.skippedQuestions.map { list.questions[$0].id.rawValue } == ["has_pit"])
        let typed = try guide.next(Answers([:], inspectionDate: nil), skipped: ["has_pit"])
        #expect(typed.skippedQuestions == s.skippedQuestions)
    }

    @Test("all answered: complete, and the decided findings are the engine's")
    func complete() throws {
        let answers = "{has_pit: true, depth: 6, plan: false, monitored: true, guarded: true, lit: true, signed: true, expiry: 2027-01-01, loads: []}"
        let s = try step(answers)
        #expect(s.isComplete)
        #expect(s.progress.decided == 6)
        let e = try evaluate(list, answers, date: "2026-04-15")
        for (index, finding) in e.findings.enumerated() { #expect(s.decidedStatus(index) == finding.status) }
    }

    @Test("answers that do not fit are refused as hazard.grade refuses them")
    func badAnswer() {
        let error = #expect(throws: AnswerError.self) { try step("{depth: 80}") }
        #expect(error?.issues.first?.code == .outOfBounds)
    }
}
