public import HazardCore
public import HazardJSON

// What `checklists.list` and `checklists.get` return: enough for a client to build the form
// (questions with types, units, bounds, options, record fields) and to show each criterion.

extension Checklist {
    /// The summary `checklists.list` returns.
    public var summaryJSON: JSONValue { .object(summaryMembers) }

    private var summaryMembers: [JSONMember] {
        var standardMembers: [JSONMember] = [
            JSONMember(key: "code", value: .string(standard.code)), JSONMember(key: "title", value: .string(standard.title)),
            JSONMember(key: "issuer", value: .string(standard.issuer)), JSONMember(key: "effective", value: .string(standard.effective.description)),
        ]
        if let validUntil = standard.validUntil { standardMembers.append(JSONMember(key: "valid_until", value: .string(validUntil.description))) }
        if let supersededBy = standard.supersededBy { standardMembers.append(JSONMember(key: "superseded_by", value: .string(supersededBy))) }
        if let successor = standard.successor { standardMembers.append(JSONMember(key: "successor", value: .string(successor))) }
        return [
            JSONMember(key: "id", value: .string(id.rawValue)),
            JSONMember(key: "version", value: .string(version)),
            JSONMember(key: "sector", value: .string(sector)),
            JSONMember(key: "title", value: .string(title)),
            JSONMember(key: "standard", value: .object(standardMembers)),
            JSONMember(key: "sha256", value: .string(sha256)),
            JSONMember(key: "plugin", value: .string(plugin?.id)),
            JSONMember(key: "questions", value: .number(questions.count)),
            JSONMember(key: "criteria", value: .number(criteria.count)),
            JSONMember(key: "manual", value: .number(manualCount)),
            JSONMember(key: "coverage", value: .object([
                JSONMember(key: "declared", value: .number(coverage.declared)),
                JSONMember(key: "encoded", value: .number(coverage.encoded)),
                JSONMember(key: "text_missing", value: .number(coverage.textMissing)),
                JSONMember(key: "uncovered", value: .array(coverage.uncovered.map { .string($0) })),
            ])),
        ]
    }

    /// The full form `checklists.get` returns.
    public var detailJSON: JSONValue {
        var members = summaryMembers.filter { $0.key != "questions" && $0.key != "criteria" }
        members.append(JSONMember(key: "sections", value: .array(sections.map { .object(["id": .string($0.id), "title": .string($0.title)]) })))
        members.append(JSONMember(key: "questions", value: .array(questions.map(\.jsonValue))))
        members.append(JSONMember(key: "criteria", value: .array(criteria.map(\.jsonValue))))
        return .object(members)
    }
}

extension Question {
    /// A question as `checklists.get` and `inspection.next` show it.
    package var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "id", value: .string(id.rawValue)),
            JSONMember(key: "label", value: .string(label)),
            JSONMember(key: "type", value: .string(kind.rawValue)),
        ]
        if let unit { members.append(JSONMember(key: "unit", value: .string(unit))) }
        if let min { members.append(JSONMember(key: "min", value: .number(min))) }
        if let max { members.append(JSONMember(key: "max", value: .number(max))) }
        if !options.isEmpty {
            members.append(JSONMember(key: "options", value: .array(options.map { .object(["value": .string($0.value), "label": .string($0.label)]) })))
        }
        if !fields.isEmpty { members.append(JSONMember(key: "fields", value: .array(fields.map(\.jsonValue)))) }
        if let help { members.append(JSONMember(key: "help", value: .string(help))) }
        return .object(members)
    }
}

extension Criterion {
    var jsonValue: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "id", value: .string(id.rawValue)),
            JSONMember(key: "clause", value: .string(clause)),
            JSONMember(key: "title", value: .string(title)),
            JSONMember(key: "grade", value: .string(grade.rawValue)),
        ]
        if let section { members.append(JSONMember(key: "section", value: .string(section))) }
        if let appliesWhen { members.append(JSONMember(key: "applies_when", value: .string(appliesWhen))) }
        members.append(JSONMember(key: "hazard_when", value: .string(hazardWhen)))
        members.append(JSONMember(key: "weight", value: .number(weight)))
        members.append(JSONMember(key: "manual", value: .bool(isManual)))
        if let advice { members.append(JSONMember(key: "advice", value: .string(advice))) }
        if let note { members.append(JSONMember(key: "note", value: .string(note))) }
        members.append(JSONMember(key: "references", value: .array(references.map { .string($0) })))
        members.append(JSONMember(key: "items", value: .array(items.map { .string($0) })))
        members.append(JSONMember(key: "inputs", value: .array(inputs.map { input in
            switch input {
            case .question(let q): return .object(["kind": .string("answer"), "name": .string(q.rawValue)])
            case .fact(let f): return .object(["kind": .string("fact"), "name": .string(f.rawValue)])
            case .finding(let c): return .object(["kind": .string("finding"), "name": .string(c.rawValue)])
            }
        })))
        return .object(members)
    }
}
