import Foundation
import HazardCore
import HazardRPC
import Testing

@Suite("Hand-written JSON encodings")
struct RPCEncodingTests {
    @Test("hazard.grade's result equals the Evaluation's Codable JSON (hazard evaluate --format json)")
    func evaluationMatchesCodable() throws {
        let checklist = try #require(Fixtures.checklists.first)
        let params = Fixtures.gasGradeParams
        let answers = try checklist.answers(from: try #require(params["answers"]).answerInput, inspectionDate: Day(iso: "2026-03-18"))
        let evaluation = try Engine.evaluate(checklist, answers)
        let ours = try JSONSerialization.jsonObject(with: Data(evaluation.jsonBytes))
        let foundation = try JSONSerialization.jsonObject(with: JSONEncoder().encode(evaluation))
        #expect((ours as? NSDictionary) == (foundation as? NSDictionary))
        #expect(evaluation.counts.major > 0)
    }

    @Test("checklists.get lists every question with its type and every criterion")
    func checklistDetail() throws {
        let checklist = try #require(Fixtures.checklists.first)
        let detail = checklist.detailJSON
        #expect(detail["questions"]?.array?.count == checklist.questions.count)
        #expect(detail["criteria"]?.array?.count == checklist.criteria.count)
        let types = Set(detail["questions"]?.array?.compactMap { $0["type"]?.string } ?? [])
        #expect(types.isSubset(of: Set(QuestionKind.allCases.map(\.rawValue))))
    }

    @Test("JSON numbers reach the engine: a big integer answer is read as a number")
    func numbersToAnswers() throws {
        let value = try JSONReader.read("{\"n\": 12345678901234567890, \"d\": 0.10, \"s\": \"x\", \"l\": [{\"a\": null}]}")
        guard case .mapping(let pairs) = value.answerInput.kind else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.key) == ["n", "d", "s", "l"])
        #expect(pairs[0].value.kind == .number(12345678901234567890))
        #expect(pairs[1].value.kind == .number(0.1))
    }
}
