public import HazardJSON

extension EnterpriseRegistration {
    /// `enterprises.register`'s result: the enterprise as stored now, whether the call created
    /// it, the fields it changed and, for an update, the enterprise as it was.
    public var jsonValue: JSONValue {
        var members: [JSONMember] = []
        if case .object(let stored) = enterprise.jsonValue { members = stored }
        members.append(JSONMember(key: "created", value: .bool(isNew)))
        members.append(JSONMember(key: "changed", value: .array(changedFields.map { .string($0.rawValue) })))
        if let previous { members.append(JSONMember(key: "previous", value: previous.jsonValue)) }
        return .object(members)
    }
}
