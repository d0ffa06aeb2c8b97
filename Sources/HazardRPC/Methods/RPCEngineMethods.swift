public import HazardCore

/// The methods that need only the engine: `engine.info`, `checklists.list`, `checklists.get`,
/// `hazard.grade`. Checklists are compiled once at start-up and shared by every connection.
public struct RPCEngineMethods: Sendable {
    public let checklists: [Checklist]
    private let byID: [ChecklistID: Checklist]
    private let encodedFindings: [ChecklistID: EncodedFindings]
    public let serverVersion: String

    public init(checklists: [Checklist], serverVersion: String) {
        self.checklists = checklists.sorted { $0.id < $1.id }
        self.byID = Dictionary(checklists.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.encodedFindings = byID.mapValues(EncodedFindings.init)
        self.serverVersion = serverVersion
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
            RPCMethod("engine.info", role: .reader, isPublic: true, sync: { params, _ in
                try params.finish()
                var members: [JSONMember] = [
                    JSONMember(key: "name", value: .string("hazard")),
                    JSONMember(key: "version", value: .string(serverVersion)),
                    JSONMember(key: "protocol", value: .number(1)),
                    JSONMember(key: "checklists", value: .number(checklists.count)),
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
                if detail != .summary, let encoded = encodedFindings[target.id] {
                    let (summary, states) = try Engine.grade(target, input: input, inspectionDate: date)
                    if let result = encoded.result(summary, findings: states, detail: detail) { return result }
                }
                return try Engine.evaluate(target, input: input, inspectionDate: date, detail: detail)
            }),
        ]
    }

    /// Reads `checklist`, `answers`, `inspection_date` and evaluates. Shared with `inspection.record`.
    ///
    /// - Throws: `RPCError` (params, not found, forbidden) or `AnswerError` (validation failed).
    public func grade(_ params: inout RPCParams, principal: RPCPrincipal, detail: Evaluation.Detail = .full, finish: Bool = true) throws -> Evaluation {
        let (target, input, date) = try gradeParams(&params, principal: principal, finish: finish)
        return try Engine.evaluate(target, input: input, inspectionDate: date, detail: detail)
    }

    private func gradeParams(_ params: inout RPCParams, principal: RPCPrincipal, finish: Bool = true) throws(RPCError) -> (Checklist, AnswerInput, Day?) {
        let id = try params.string("checklist")
        let answers = try params.optionalObject("answers") ?? .object([])
        let date = try params.optionalDay("inspection_date")
        if finish { try params.finish() }
        return (try checklist(id, for: principal), answers.answerInput, date)
    }
}
