import HazardCore
import HazardCoreJSON
import HazardJSON

/// One checklist's guide for `inspection.next`, with its questions' JSON built once (they
/// are written for every open question of every call).
final class RPCInspectionGuide: Sendable {
    let guide: InspectionGuide
    let questions: [JSONValue]

    init(_ checklist: Checklist) {
        guide = InspectionGuide(checklist)
        questions = checklist.questions.map(\.jsonValue)
    }
}

extension RPCEngineMethods {
    /// `inspection.next`: the questions that can still change a finding, given partial
    /// answers. Answered on the event loop, like `hazard.grade`: binding the answers is
    /// bounded by the frame limit and the walk is linear in the checklist (about 20 µs for
    /// the largest, `Benchmarks/InspectBench`); the answer, bounded by the checklist's
    /// questions, is written under `max_response`.
    var inspectionNextMethod: RPCMethod {
        RPCMethod("inspection.next", role: .reader, sync: { params, principal in
            let (target, input, date) = try gradeParams(&params, principal: principal, finish: false)
            let limit = try params.optionalInt("limit", in: 1...1_000_000)
            try params.finish()
            guard let guided = guides[target.id] else { throw RPCError.notFound("checklist", target.id.rawValue) }
            let step = try guided.guide.next(input: input, inspectionDate: date)
            return InspectionStepJSON(step: step, questions: guided.questions, inspectionDate: date, limit: limit)
        })
    }
}

/// The result of `inspection.next` (rpc/PROTOCOL.md): written straight from the step.
struct InspectionStepJSON: JSONEncodable {
    let step: InspectionStep
    let questions: [JSONValue]
    let inspectionDate: Day?
    let limit: Int?

    func write(to out: inout JSONOutput) {
        let checklist = step.checklist
        out.beginObject()
        out.field("checklist", checklist.id.rawValue)
        out.key("inspection_date")
        if let inspectionDate { out.string(inspectionDate.description) } else { out.null() }
        out.key("progress")
        out.beginObject()
        out.field("criteria", step.progress.criteria)
        out.field("applicable", step.progress.applicable)
        out.field("decided", step.progress.decided)
        out.field("not_applicable", step.progress.notApplicable)
        out.field("waiting", step.progress.waiting)
        out.endObject()
        out.field("complete", step.isComplete)
        out.field("open_count", step.openQuestions.count)
        out.key("open")
        out.beginArray()
        for k in step.openQuestions.indices.prefix(limit ?? .max) {
            out.beginObject()
            out.key("question")
            questions[step.openQuestions[k]].write(to: &out)
            out.field("applicability", step.isApplicability(k))
            out.key("criteria")
            out.beginArray()
            for c in step.criteria(waitingOn: k) { out.string(checklist.criteria[c].id.rawValue) }
            out.endArray()
            out.endObject()
        }
        out.endArray()
        out.key("skipped")
        out.beginArray()
        for q in step.skippedQuestions { out.string(checklist.questions[q].id.rawValue) }
        out.endArray()
        out.key("decided")
        out.beginArray()
        for c in checklist.criteria.indices {
            guard let status = step.decidedStatus(c) else { continue }
            out.beginObject()
            out.field("criterion", checklist.criteria[c].id.rawValue)
            out.field("status", status.rawValue)
            out.endObject()
        }
        out.endArray()
        out.endObject()
    }
}
