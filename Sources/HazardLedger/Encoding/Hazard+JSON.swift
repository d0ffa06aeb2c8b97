public import HazardCore
public import HazardJSON

extension Hazard {
    /// A hazard's one wire encoding: what `hazards.get`/`hazards.list` return and
    /// `hazard ledger show/list --format json` print. snake_case keys, dates `YYYY-MM-DD`.
    ///
    /// - Parameter today: the day `overdue` is judged on.
    public func jsonValue(today: Day) -> JSONValue {
        var m: [JSONMember] = []
        func add(_ key: String, _ value: JSONValue) { m.append(JSONMember(key: key, value: value)) }
        func add(_ key: String, _ value: String?) { if let value { m.append(JSONMember(key: key, value: .string(value))) } }
        add("id", .number(Int(id.rawValue)))
        add("inspection", .number(Int(inspection.rawValue)))
        add("enterprise", .string(enterprise.rawValue))
        add("enterprise_name", .string(enterpriseName))
        add("criterion", .string(criterion.rawValue))
        add("clause", .string(clause))
        add("title", .string(title))
        add("evidence", .string(evidence))
        add("source", .string(source.rawValue))
        add("region", .string(region))
        add("sector", .string(sector))
        add("checklist", .string(checklist.rawValue))
        add("checklist_version", .string(checklistVersion))
        add("grade", .string(grade.rawValue))
        add("status", .string(status.rawValue))
        add("found_on", .string(state.foundOn.description))
        add("deadline", deadline?.description)
        add("overdue", .bool(isOverdue(asOf: today)))
        if let plan = state.plan {
            var p: [JSONMember] = []
            if let v = plan.responsible { p.append(JSONMember(key: "responsible", value: .string(v))) }
            if let v = plan.measures { p.append(JSONMember(key: "measures", value: .string(v))) }
            if let v = plan.funds { p.append(JSONMember(key: "funds", value: .string(v))) }
            if let v = plan.deadline { p.append(JSONMember(key: "deadline", value: .string(v.description))) }
            if let v = plan.contingency { p.append(JSONMember(key: "contingency", value: .string(v))) }
            add("plan", .object(p))
        }
        add("rectified_by", state.rectifiedBy)
        add("rectified_on", state.rectifiedOn?.description)
        add("rectified_on_the_spot", .bool(state.rectifiedOnTheSpot))
        add("verified_by", state.verifiedBy)
        add("closed_on", state.closedOn?.description)
        if let supervision = state.supervision {
            var s = [JSONMember(key: "authority", value: .string(supervision.authority)), JSONMember(key: "since", value: .string(supervision.since.description))]
            if let deadline = supervision.deadline { s.append(JSONMember(key: "deadline", value: .string(deadline.description))) }
            add("supervision", .object(s))
        }
        add("rejections", .number(state.rejections))
        return .object(m)
    }
}
