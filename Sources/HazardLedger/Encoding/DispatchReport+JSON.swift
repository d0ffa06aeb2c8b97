import HazardCore
public import HazardJSON

extension DispatchReport {
    /// The dispatch report's one wire encoding (`reports.dispatch`, `hazard report dispatch --format json`).
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
