import Foundation
import HazardCore
import HazardDocuments
import HazardLedger
import Testing

@Suite("documents people sign: well formed, escaped, complete")
struct DocumentTests {
    @Test("every document kind is well-formed XHTML with its title, a print stylesheet for A4 and nothing to fetch",
          arguments: DocumentKind.allCases)
    func wellFormed(kind: DocumentKind) async throws {
        let fixture = try await DocumentFixture()
        let root = try XHTMLTree.parse(try await fixture.html(kind))
        #expect(root.name == "html")
        let title = try #require(root.all("title").first).allText
        let expected = ["record": "现场检查记录", "notice": "隐患整改通知书", "review": "整改复查意见"][kind.rawValue]!
        #expect(title.hasPrefix(expected))
        let style = try #require(root.all("style").first).allText
        #expect(style.contains("size: A4"))
        #expect(root.all("script").isEmpty)
        #expect(root.all("link").isEmpty)
        #expect(root.descendants.allSatisfy { $0.attributes["src"] == nil && $0.attributes["href"] == nil })
        #expect(!style.contains("url("), "a stylesheet that fetches fonts or images")
    }

    @Test("a hostile enterprise name is printed as text, never as markup", arguments: DocumentKind.allCases)
    func hostileName(kind: DocumentKind) async throws {
        let fixture = try await DocumentFixture()
        let html = try await fixture.html(kind)
        let root = try XHTMLTree.parse(html)
        #expect(root.all("script").isEmpty)
        #expect(!html.contains("<script"))
        let cells = root.all("td").map(\.allText)
        #expect(cells.contains(DocumentFixture.hostileNameAsPrinted))
    }

    @Test("the record holds every finding with its clause, grade, evidence and advice, numbered by the ledger")
    func recordHoldsEveryFinding() async throws {
        let fixture = try await DocumentFixture()
        let root = try XHTMLTree.parse(try await fixture.html(.record))
        // The region by its GB/T 2260 name, the code beside it.
        #expect(root.allText.contains("苏州市常熟市（320581）"))
        let shown = root.withAttribute("data-criterion")
        #expect(shown.map { $0.attributes["data-criterion"]! } == fixture.evaluation.findings.map(\.criterion.rawValue))
        for finding in fixture.evaluation.findings {
            let element = try #require(shown.first { $0.attributes["data-criterion"] == finding.criterion.rawValue })
            #expect(element.attributes["data-status"] == finding.status.rawValue)
            #expect(element.allText.contains(finding.clause))
            #expect(element.allText.contains(finding.status.chinese))
            if finding.status.isHazard {
                #expect(element.allText.contains(try #require(finding.advice)))
                for evidence in finding.evidence { #expect(element.allText.contains(try #require(evidence.label))) }
            }
        }
        let text = root.allText
        #expect(text.contains("隐检记〔2026〕\(fixture.recorded.inspection)号"))
        for id in fixture.recorded.hazards { #expect(text.contains("隐患 #\(id)")) }
        #expect(text.contains(fixture.evaluation.checklist.sha256))
        #expect(text.contains("GB 00000-2026"))
        #expect(text.contains("重大事故隐患 2 项，一般事故隐患 3 项"))
        #expect(text.contains("重大风险"))
        // A signature block for each inspector and one for the enterprise.
        let signers = root.descendants.filter { $0.attributes["class"] == "signature" }.map(\.allText)
        #expect(signers.filter { $0.contains("检查人员：张三") }.count == 1)
        #expect(signers.filter { $0.contains("检查人员：赵六") }.count == 1)
        #expect(signers.filter { $0.contains("被检查单位负责人") }.count == 1)
    }

    @Test("the notice lists every hazard by its ledger id with clause, grade, deadline and 五落实")
    func noticeHoldsEveryHazard() async throws {
        let fixture = try await DocumentFixture()
        let root = try XHTMLTree.parse(try await fixture.html(.notice))
        let blocks = root.descendants.filter { $0.attributes["class"] == "hazard" }
        #expect(blocks.map { $0.attributes["data-hazard"] } == fixture.recorded.hazards.map { String($0.rawValue) })
        let planned = try #require(blocks.first).allText
        #expect(planned.contains("2026年7月10日前"))
        #expect(planned.contains("接入高限报警 & 联锁"))
        #expect(planned.contains("重大事故隐患"))
        #expect(planned.contains("第1条"))
        let unplanned = try #require(blocks.last).allText
        #expect(unplanned.contains("尚未录入"))
        #expect(root.allText.contains("隐改通〔2026〕\(fixture.recorded.inspection)号"))
        #expect(root.allText.contains("行政复议"), "a department's order says how to appeal")
    }

    @Test("a self-inspection's notice is an instruction, not an order to appeal")
    func selfInspectionNotice() async throws {
        let fixture = try await DocumentFixture(kind: .selfInspection, review: false)
        let root = try XHTMLTree.parse(try await fixture.html(.notice))
        #expect(!root.allText.contains("行政复议"))
        let record = try XHTMLTree.parse(try await fixture.html(.record))
        #expect(try #require(record.all("h1").first).allText == "隐患排查记录")
    }

    @Test("the review names who verified, when, and the verifying event's hash as the ledger holds it")
    func reviewCarriesTheHash() async throws {
        let fixture = try await DocumentFixture()
        let root = try XHTMLTree.parse(try await fixture.html(.review))
        let verified = try await fixture.ledger.detail(fixture.recorded.hazards[0])
        let rejected = try await fixture.ledger.detail(fixture.recorded.hazards[1])
        let verifying = try #require(verified.events.last { $0.kind == "verified" })
        let rejecting = try #require(rejected.events.last { $0.kind == "rejected" })
        let blocks = root.descendants.filter { $0.attributes["class"] == "hazard" }
        #expect(blocks.map { $0.attributes["data-event"] } == [String(verifying.seq), String(rejecting.seq)])
        let first = blocks[0].allText
        #expect(first.contains(verifying.hash))
        #expect(first.contains("赵六"))
        #expect(first.contains("2026年7月5日"))
        #expect(first.contains("整改合格，予以销号"))
        #expect(first.contains("已整改 <见照片>"))
        #expect(blocks[1].allText.contains("整改不合格") && blocks[1].allText.contains("联锁未投用"))
        let text = root.allText
        #expect(text.contains("hazard ledger verify-chain --head \(verifying.seq):\(verifying.hash)"))
        #expect(text.contains("隐复查〔2026〕\(fixture.recorded.inspection)-\(rejecting.seq)号"))
        #expect(text.contains("3 项尚未复查"))
        let pendingRows = root.all("tr").compactMap { $0.attributes["data-hazard"] }
        #expect(pendingRows == fixture.recorded.hazards.dropFirst(2).map { String($0.rawValue) })
    }

    @Test("a review before any hazard was reviewed is refused, saying what to do")
    func reviewNeedsAReview() async throws {
        let fixture = try await DocumentFixture(review: false)
        let error = await #expect(throws: DocumentError.self) { try await fixture.html(.review) }
        #expect(error?.code == .nothingToDocument)
        #expect(error?.message.contains("hazard ledger verify") == true)
    }

    @Test("an unknown inspection is the ledger's unknownInspection error")
    func unknownInspection() async throws {
        let fixture = try await DocumentFixture(review: false)
        let error = await #expect(throws: LedgerError.self) {
            try await LedgerDocuments.html(.record, inspection: InspectionID(999), in: fixture.ledger)
        }
        #expect(error?.code == .unknownInspection)
    }

    @Test("a record printed before it is in the ledger leaves enterprise and inspectors blank to fill in")
    func recordFromEvaluationAlone() throws {
        let evaluation = try SampleEvaluation.make(date: DocumentFixture.day, major: 1, general: 0, compliant: 1)
        let root = try XHTMLTree.parse(InspectionRecordDocument(evaluation: evaluation).html())
        #expect(root.allText.contains("（未入台账）"))
        #expect(root.withAttribute("data-criterion").count == 2)
        #expect(root.descendants.filter { $0.attributes["class"] == "blank" }.count >= 4)
        #expect(!root.allText.contains("hazard ledger verify-chain"), "nothing in the ledger to check against")
    }
}
