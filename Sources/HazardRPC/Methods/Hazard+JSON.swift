public import HazardCore
public import HazardLedger

// Ledger values as the RPC methods return them (snake_case keys, dates as YYYY-MM-DD).

extension Hazard {
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

extension ChainedEvent {
    public var jsonValue: JSONValue {
        var m: [JSONMember] = [
            JSONMember(key: "seq", value: .number(Int(seq))),
            JSONMember(key: "kind", value: .string(kind)),
        ]
        if let hazard { m.append(JSONMember(key: "hazard", value: .number(Int(hazard.rawValue)))) }
        if let inspection { m.append(JSONMember(key: "inspection", value: .number(Int(inspection.rawValue)))) }
        m.append(JSONMember(key: "actor", value: .object(["name": .string(actor.name), "role": .string(actor.role)])))
        m.append(JSONMember(key: "at", value: .string(at.description)))
        m.append(JSONMember(key: "day", value: .string(day.description)))
        // The payload is canonical JSON text; embed it as JSON when it parses.
        m.append(JSONMember(key: "payload", value: (try? JSONReader.read(payload)) ?? .string(payload)))
        m.append(JSONMember(key: "hash", value: .string(hash)))
        return .object(m)
    }
}

extension Enterprise {
    public var jsonValue: JSONValue {
        .object([
            "uscc": .string(uscc.rawValue), "name": .string(name), "region": .string(region),
            "sectors": .array(sectors.map { .string($0) }), "sites": .array(sites.map { .string($0) }),
        ])
    }
}

extension DispatchReport {
    public var jsonValue: JSONValue {
        func figure(_ f: Figure) -> JSONValue { .object(["cumulative": .number(f.cumulative), "in_period": .number(f.inPeriod)]) }
        func line(_ l: Line) -> JSONValue {
            var m = [JSONMember(key: "item", value: .string(l.item)), JSONMember(key: "label", value: .string(l.label)),
                     JSONMember(key: "figure", value: figure(l.figure))]
            if let amount = l.amount { m.append(JSONMember(key: "amount", value: .number(amount))) }
            return .object(m)
        }
        func breakdown(_ b: Breakdown) -> JSONValue {
            .object([
                "key": .string(b.key), "major": .number(b.major), "major_rectified": .number(b.majorRectified),
                "general": .number(b.general), "general_rectified": .number(b.generalRectified), "overdue": .number(b.overdue),
                "rectification_rate": b.rectificationRate.map { .number($0) } ?? .null,
            ])
        }
        var q: [JSONMember] = [JSONMember(key: "from", value: .string(query.from.description)), JSONMember(key: "to", value: .string(query.to.description))]
        if let region = query.region { q.append(JSONMember(key: "region", value: .string(region))) }
        if let sector = query.sector { q.append(JSONMember(key: "sector", value: .string(sector))) }
        return .object([
            "query": .object(q),
            "overall": .array(overall.map(line)),
            "additional": .array(additional.map(line)),
            "major_rectification_rate": majorRectificationRate.map { .number($0) } ?? .null,
            "general_rectification_rate": generalRectificationRate.map { .number($0) } ?? .null,
            "rectification_rate": rectificationRate.map { .number($0) } ?? .null,
            "by_sector": .array(bySector.map(breakdown)),
            "by_region": .array(byRegion.map(breakdown)),
            "enforcement": .array(enforcement.map(line)),
        ])
    }
}
