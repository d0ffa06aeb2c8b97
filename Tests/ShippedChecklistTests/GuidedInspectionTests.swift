import Foundation
import HazardCore
import HazardYAML
import Testing

/// Every shipped example replayed through the guide as `hazard inspect` runs it: fewer
/// questions asked than the checklist holds, and the same findings as the full answers.
@Suite("Guided inspection of the shipped examples")
struct GuidedInspectionTests {
    static let examples = ((try? FileManager.default.contentsOfDirectory(atPath: ShippedChecklistTests.root.appendingPathComponent("examples").path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    @Test("there are examples to replay")
    func examplesExist() { #expect(Self.examples.count >= 10) }

    @Test("guidance asks fewer questions than the checklist holds and reaches the findings of the full answers", arguments: examples)
    func replay(_ example: String) throws {
        let file = try AnswersFile.load(path: ShippedChecklistTests.root.appendingPathComponent("examples/\(example)").path)
        let checklist = try #require(ShippedChecklistTests.batch.checklists.first { $0.id == file.checklist })
        let full = try checklist.answers(from: file.answers, inspectionDate: file.inspectionDate)
        let replay = try InspectionReplay(checklist: checklist, full: full)
        #expect(try replay.differences() == [])
        #expect(replay.asked.count < checklist.questions.count, "\(example): asked \(replay.asked.count) of \(checklist.questions.count)")
        #expect(Set(replay.asked).count == replay.asked.count, "no question is asked twice")
    }
}
