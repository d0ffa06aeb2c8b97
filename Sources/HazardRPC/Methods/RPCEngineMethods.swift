public import HazardCore
public import HazardJSON
import HazardCoreJSON

/// The methods that need only the engine: `engine.info`, `checklists.list`, `checklists.get`,
/// `hazard.grade`, on one set of checklists (compiled once per set; a reload makes new ones).
public struct RPCEngineMethods: Sendable {
    public let checklists: [Checklist]
    /// The set's generation (`RPCChecklistSet`): 1 at start, one more per reload.
    public let generation: Int
    private let byID: [ChecklistID: Checklist]
    private let encodedEvaluations: [ChecklistID: EncodedEvaluation]
    /// What `inspection.next` needs per checklist (RPCEngineMethods+Inspection.swift).
    let guides: [ChecklistID: RPCInspectionGuide]
    public let serverVersion: String

    public init(checklists: [Checklist], serverVersion: String, generation: Int = 1) {
        self.checklists = checklists.sorted { $0.id < $1.id }
        self.generation = generation
        self.byID = Dictionary(checklists.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.encodedEvaluations = byID.mapValues(EncodedEvaluation.init)
        self.guides = byID.mapValues(RPCInspectionGuide.init)
        self.serverVersion = serverVersion
    }

    public init(checklistSet: RPCChecklistSet, serverVersion: String) {
        self.init(checklists: checklistSet.checklists, serverVersion: serverVersion, generation: checklistSet.generation)
    }

    /// The checklist named `id`, when the principal's sector scope covers it.
    ///
    /// - Throws: `RPCError` not found or forbidden.
    public func checklist(_ id: String, for principal: RPCPrincipal) throws(RPCError) -> Checklist {
        guard let checklist = byID[ChecklistID(id)] else { throw .notFound("checklist", id) }
        try principal.require(sector: checklist.sector)
        return checklist
    }

    /// - Parameter info: what `engine.info` adds about the server (auth, limits, methods).
    public func methods(info: @escaping @Sendable () -> [JSONMember]) -> [RPCMethod] {
        [
            RPCMethod("engine.info", role: .reader, isPublic: true, sync: { params, principal in
                try params.finish()
                var members: [JSONMember] = [
                    JSONMember(key: "name", value: .string("hazard")),
                    JSONMember(key: "version", value: .string(serverVersion)),
                    JSONMember(key: "protocol", value: .number(1)),
                    JSONMember(key: "checklists", value: .number(checklists.count)),
                    // What is loaded, in the caller's sector scope, so a client can tell which
                    // set (and which content of each checklist) answers it.
                    JSONMember(key: "checklist_set", value: .object([
                        "generation": .number(generation),
                        "checklists": .array(checklists.filter { principal.covers(sector: $0.sector) }.map(\.loadedJSON)),
                    ])),
                ]
                members += info()
                return JSONValue.object(members)
            }),
            RPCMethod("checklists.list", role: .reader, sync: { params, principal in
                let sector = try params.optionalString("sector")
                try params.finish()
                let visible = checklists.filter { principal.covers(sector: $0.sector) && (sector == nil || $0.sector == sector) }
                return JSONValue.object(["checklists": .array(visible.map(\.summaryJSON))])
            }),
            RPCMethod("checklists.get", role: .reader, sync: { params, principal in
                let id = try params.string("id")
                try params.finish()
                return try checklist(id, for: principal).detailJSON
            }),
            RPCMethod("hazard.grade", role: .reader, sync: { params, principal in
                let name = try params.optionalString("detail") ?? "full"
                guard let detail = Evaluation.Detail(rawValue: name) else {
                    throw RPCError.invalidParams("detail must be full, hazards or summary", field: "detail", expected: "full | hazards | summary")
                }
                let (target, input, date) = try gradeParams(&params, principal: principal)
                // Findings are written from the checklist's pre-encoded text, not built as
                // `Finding`s; a summary builds none at all.
                if detail != .summary, let encoded = encodedEvaluations[target.id] {
                    let (summary, states) = try Engine.grade(target, input: input, inspectionDate: date)
                    if let result = encoded.result(summary, findings: states, detail: detail) { return result }
                }
                return try Engine.evaluate(target, input: input, inspectionDate: date, detail: detail)
            }, direct: { tape, params, document, principal in
                gradeDirect(tape, params, document, principal: principal)
            }),
            inspectionNextMethod,
        ]
    }

    /// `hazard.grade` read from the request's tape and bound without an answer tree; nil for
    /// anything the body above should answer (every error, anything unusual): see
    /// `RPCMethod.DirectBody`.
    private func gradeDirect(_ tape: JSONTape, _ params: Int?, _ document: UnsafeBufferPointer<UInt8>, principal: RPCPrincipal) -> (any JSONEncodable)? {
        guard let params else { return nil }
        // The first of each member counts, as `RPCParams` reads them; any other member is an
        // error the body reports.
        var checklistToken = -1, answersToken = -1, dateToken = -1, detailToken = -1
        for (name, value) in tape.members(params) {
            guard tape.kind(name) == .string else { return nil }
            if tape.isString(name, "checklist", in: document) {
                if checklistToken < 0 { checklistToken = value }
            } else if tape.isString(name, "answers", in: document) {
                if answersToken < 0 { answersToken = value }
            } else if tape.isString(name, "inspection_date", in: document) {
                if dateToken < 0 { dateToken = value }
            } else if tape.isString(name, "detail", in: document) {
                if detailToken < 0 { detailToken = value }
            } else {
                return nil
            }
        }
        // A null member is an absent one, as `RPCParams` reads it.
        func given(_ token: Int) -> Int? { token >= 0 && tape.kind(token) != .null ? token : nil }
        var detail = Evaluation.Detail.full
        if let token = given(detailToken) {
            guard tape.kind(token) == .string, let named = Evaluation.Detail(rawValue: tape.string(token, in: document)) else { return nil }
            detail = named
        }
        var date: Day?
        if let token = given(dateToken) {
            guard tape.kind(token) == .string, let day = Day(isoUTF8: tape.bytes(token, in: document)) else { return nil }
            date = day
        }
        guard let token = given(checklistToken), tape.kind(token) == .string,
              let target = try? checklist(tape.string(token, in: document), for: principal) else { return nil }
        var binder = SlotBinder(target, inspectionDate: date)
        if let answers = given(answersToken) {
            guard tape.kind(answers) == .object, binder.bind(answers: answers, in: tape, document) else { return nil }
        }
        // A plugin's refusal is an error: the body evaluates again and reports it.
        guard let (summary, states) = try? Engine.grade(binder) else { return nil }
        return encodedEvaluations[target.id]?.result(summary, findings: states, detail: detail)
    }

    /// Reads `checklist`, `answers`, `inspection_date` and evaluates. Shared with `inspection.record`.
    ///
    /// - Throws: `RPCError` (params, not found, forbidden) or `AnswerError` (validation failed).
    public func grade(_ params: inout RPCParams, principal: RPCPrincipal, detail: Evaluation.Detail = .full, finish: Bool = true) throws -> Evaluation {
        let (target, input, date) = try gradeParams(&params, principal: principal, finish: finish)
        return try Engine.evaluate(target, input: input, inspectionDate: date, detail: detail)
    }

    func gradeParams(_ params: inout RPCParams, principal: RPCPrincipal, finish: Bool = true) throws(RPCError) -> (Checklist, AnswerInput, Day?) {
        let id = try params.string("checklist")
        let answers = try params.optionalObject("answers") ?? .object([])
        let date = try params.optionalDay("inspection_date")
        if finish { try params.finish() }
        return (try checklist(id, for: principal), answers.answerInput, date)
    }
}
