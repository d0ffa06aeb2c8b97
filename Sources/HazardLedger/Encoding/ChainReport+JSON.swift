public import HazardJSON

extension ChainReport {
    /// What `hazard ledger verify-chain --format json` prints (schema
    /// `rpc/schema/ledger.verify-chain.result.json`): `head` is null for an empty ledger; each
    /// problem has its stable `kind`, the `table`, the row `id` and `column` when there is one,
    /// and the `detail`.
    public var jsonValue: JSONValue {
        .object([
            "intact": .bool(isIntact),
            "events": .number(events),
            "head": head.map { JSONValue.object(["seq": .number(Int($0.seq)), "hash": .string($0.hash)]) } ?? .null,
            "problems": .array(problems.map(\.jsonValue)),
            "notes": .array(notes.map { JSONValue.string($0) }),
        ])
    }
}

extension ChainProblem {
    public var jsonValue: JSONValue {
        var members = [JSONMember(key: "kind", value: .string(kind.rawValue)), JSONMember(key: "table", value: .string(table))]
        if let id { members.append(JSONMember(key: "id", value: .number(Int(id)))) }
        if let column { members.append(JSONMember(key: "column", value: .string(column))) }
        members.append(JSONMember(key: "detail", value: .string(detail)))
        return .object(members)
    }
}
