public import HazardJSON
/// Typed access to `inspection.next` (rpc/PROTOCOL.md): the one call a guided-inspection
/// client makes after every answer.
extension RPCClient {
    /// The questions that can still change a finding, the decided findings and progress.
    ///
    /// - Parameters:
    ///   - answers: question id → answer as JSON; `.null` marks a question the inspector skipped.
    ///   - limit: write at most this many open questions (all when nil).
    /// - Throws: `RPCError` (e.g. -32005 for answers that do not fit), `RPCClientError`.
    public mutating func inspectionNext(checklist: String, answers: [JSONMember] = [], inspectionDate: String? = nil,
                                        limit: Int? = nil) async throws -> JSONValue {
        var params = [JSONMember(key: "checklist", value: .string(checklist)), JSONMember(key: "answers", value: .object(answers))]
        if let inspectionDate { params.append(JSONMember(key: "inspection_date", value: .string(inspectionDate))) }
        if let limit { params.append(JSONMember(key: "limit", value: .number(limit))) }
        return try await call("inspection.next", .object(params))
    }
}
