import HazardCoreJSON
import HazardJSON
import Foundation
import HazardCore
import HazardPlugins
import HazardRPC
import HazardYAML
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

    /// Every example inspection with the checklist it names (shipped checklists, built-in plugins).
    static let examples: [(name: String, checklist: Checklist, answers: AnswersFile)] = {
        let root = Fixtures.directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let loaded = ChecklistLoader(registry: BuiltinPlugins.registry).loadAll([root.appendingPathComponent("checklists").path]).checklists
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { name in
            guard let answers = try? AnswersFile.load(path: root.appendingPathComponent("examples/\(name)").path),
                  let checklist = loaded.first(where: { $0.id == answers.checklist }) else { return nil }
            return (name, checklist, answers)
        }
    }()

    @Test("pre-encoded findings write exactly the bytes of the ordinary writer, for every example and detail level",
          arguments: Evaluation.Detail.allCases)
    func encodedEvaluationsMatch(detail: Evaluation.Detail) throws {
        #expect(Self.examples.count >= 9)
        for example in Self.examples {
            let encoded = EncodedEvaluation(example.checklist)
            // The example's answers (values of every kind, facts from plugins) and no answers at all (no values).
            for input in [example.answers.answers, AnswerInput(.mapping([]))] {
                let evaluation = try Engine.evaluate(example.checklist, input: input, inspectionDate: example.answers.inspectionDate, detail: detail)
                let (summary, states) = try Engine.grade(example.checklist, input: input, inspectionDate: example.answers.inspectionDate)
                let plain = evaluation.jsonBytes, fast = try #require(encoded.result(summary, findings: states, detail: detail)).jsonBytes
                #expect(fast == plain, "\(example.name): \(String(decoding: fast, as: UTF8.self).prefix(300))")
            }
        }
    }

    @Test("another checklist's findings are never written from these templates")
    func foreignFindings() throws {
        let gas = try #require(Self.examples.first { $0.checklist.id.rawValue == "urban-gas-2023" })
        let other = try #require(Self.examples.first { $0.checklist.id != gas.checklist.id })
        let (summary, states) = try Engine.grade(other.checklist, input: other.answers.answers, inspectionDate: other.answers.inspectionDate)
        #expect(EncodedEvaluation(gas.checklist).result(summary, findings: states, detail: .full) == nil)
        #expect(EncodedEvaluation(other.checklist).result(summary, findings: states, detail: .full) != nil)
    }

    @Test("an answer key sent twice keeps its first answer, as JSON lookups do", arguments: [(false, "major"), (true, "compliant")])
    func repeatedAnswerKey(first: Bool, status: String) throws {
        let checklist = try #require(Fixtures.checklists.first)
        let text = "{\"has_gas_business_licence\": \(first), \"has_gas_business_licence\": \(!first)}"
        let evaluation = try Engine.evaluate(checklist, input: try JSONReader.read(text).answerInput)
        #expect(evaluation.finding("GS-4.1")?.status.rawValue == status)
        #expect(evaluation.finding("GS-4.1")?.evidence.first?.value == .bool(first))
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

    @Test("JSON numbers reach the engine: a big integer or a fraction is a decimal (no integer question takes it), a 64-bit integer a number")
    func numbersToAnswers() throws {
        let value = try JSONReader.read("{\"n\": 12345678901234567890, \"d\": 0.10, \"s\": \"x\", \"l\": [{\"a\": null}], \"i\": -42, \"e\": 1e2}")
        guard case .mapping(let pairs) = value.answerInput.kind else { Issue.record("not a mapping"); return }
        #expect(pairs.map(\.key) == ["n", "d", "s", "l", "i", "e"])
        #expect(pairs[0].value.kind == .decimal(12345678901234567890))
        #expect(pairs[1].value.kind == .decimal(0.1))
        #expect(pairs[4].value.kind == .number(-42))
        #expect(pairs[5].value.kind == .decimal(100))
    }
}
