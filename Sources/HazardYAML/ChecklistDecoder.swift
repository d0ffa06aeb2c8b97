public import HazardCore

/// Decodes a checklist file (format v1, `checklists/FORMAT.md`) into a `ChecklistDefinition`,
/// reporting every unknown key, missing key and wrong type with its position.
public enum ChecklistDecoder {
    static let topKeys = ["format", "id", "version", "sector", "title", "standard", "plugin", "sections", "questions", "criteria", "tests"]
    static let standardKeys = ["code", "title", "issuer", "effective", "valid_until", "superseded_by", "successor", "source", "notes", "items"]
    static let questionKeys = ["id", "label", "type", "unit", "min", "max", "options", "fields", "help"]
    static let criterionKeys = ["id", "clause", "title", "grade", "section", "applies_when", "hazard_when", "weight", "advice", "references", "manual", "note", "item"]
    static let testKeys = ["name", "inspection_date", "answers", "expect", "expect_facts", "expect_error"]

    /// - Throws: `ChecklistError` with all diagnostics when anything is wrong.
    public static func decode(_ root: YAMLNode, content: [UInt8], file: String) throws(ChecklistError) -> ChecklistDefinition {
        let (definition, diagnostics) = decodeCollecting(root, content: content, file: file)
        if let definition, diagnostics.isEmpty { return definition }
        throw ChecklistError(diagnostics)
    }

    /// Decodes what it can: a definition without the broken parts (so the compiler can
    /// still report expression errors in the rest), plus every diagnostic.
    public static func decodeCollecting(_ root: YAMLNode, content: [UInt8], file: String) -> (ChecklistDefinition?, [Diagnostic]) {
        var reader = NodeReader()
        let definition = decode(root, content: content, file: file, reader: &reader)
        return (definition, reader.diagnostics)
    }

    static func decode(_ root: YAMLNode, content: [UInt8], file: String, reader: inout NodeReader) -> ChecklistDefinition? {
        guard let top = reader.fields(root, "checklist", allowed: topKeys, required: ["id", "version", "sector", "title", "standard", "questions", "criteria"]) else { return nil }
        if let format = top["format"], reader.number(format, "format") != 1 {
            reader.error(.invalidValue, "only checklist format 1 exists", at: format.mark)
        }
        let id = reader.located(top["id"], "checklist id", pattern: { isID($0, lowercase: true) }, rule: "use lower-case letters, digits, '.', '_' and '-'")
        let version = reader.located(top["version"], "version", rule: "it must not be empty")?.value
        let sector = reader.located(top["sector"], "sector", pattern: isSector, rule: "use lower-case letters, digits and '-', as the folder under checklists/ is named")?.value
        let title = reader.located(top["title"], "title", rule: "it must not be empty")?.value
        let standard = top["standard"].flatMap { decodeStandard($0, reader: &reader) }
        let standardItems = decodeItems(top["standard"], reader: &reader)
        let plugin = reader.located(top["plugin"], "plugin")
        let sections = reader.sequence(top["sections"], "sections").compactMap { node -> SectionDefinition? in
            guard let f = reader.fields(node, "section", allowed: ["id", "title"], required: ["id", "title"]),
                  let id = reader.located(f["id"], "section id"), let title = reader.string(f["title"], "section title") else { return nil }
            return SectionDefinition(id: id, title: title)
        }
        let questions = reader.sequence(top["questions"], "questions").compactMap { decodeQuestion($0, what: "question", reader: &reader) }
        let criteria = reader.sequence(top["criteria"], "criteria").compactMap { decodeCriterion($0, reader: &reader) }
        let tests = reader.sequence(top["tests"], "tests").compactMap { decodeTest($0, reader: &reader) }
        guard let id, let version, let sector, let title, let standard else { return nil }
        return ChecklistDefinition(file: file, mark: root.mark, id: id, version: version, sector: sector, title: title,
                                   standard: standard, standardItems: standardItems, plugin: plugin, sections: sections, questions: questions,
                                   criteria: criteria, tests: tests, content: content)
    }

    static func decodeStandard(_ node: YAMLNode, reader: inout NodeReader) -> StandardInfo? {
        guard let f = reader.fields(node, "standard", allowed: standardKeys, required: ["code", "title", "issuer", "effective"]) else { return nil }
        let code = reader.string(f["code"], "standard code")
        let title = reader.string(f["title"], "standard title")
        let issuer = reader.string(f["issuer"], "issuer")
        let effective = reader.date(f["effective"], "effective")
        let validUntil = reader.date(f["valid_until"], "valid_until")
        if let effective, let validUntil, validUntil < effective, let node = f["valid_until"] {
            reader.error(.invalidValue, "valid_until \(validUntil) is before the effective date \(effective)", at: node.mark)
        }
        guard let code, let title, let issuer, let effective else { return nil }
        return StandardInfo(code: code, title: title, issuer: issuer, effective: effective, validUntil: validUntil,
                            supersededBy: reader.string(f["superseded_by"], "superseded_by"),
                            successor: reader.located(f["successor"], "successor", pattern: { isID($0, lowercase: true) }, rule: "a checklist id")?.value,
                            source: reader.string(f["source"], "source"), notes: reader.string(f["notes"], "notes"))
    }

    /// `standard.items`: each a clause id, or `{id, title, text_missing}`.
    static func decodeItems(_ standard: YAMLNode?, reader: inout NodeReader) -> [Located<StandardItem>] {
        guard let standard, case .mapping(let pairs) = standard.kind, let node = pairs.first(where: { $0.key == "items" })?.value else { return [] }
        return reader.sequence(node, "items").compactMap { itemNode -> Located<StandardItem>? in
            if case .scalar = itemNode.kind {
                return reader.located(itemNode, "item id").map { Located(StandardItem(id: $0.value), at: $0.mark) }
            }
            guard let f = reader.fields(itemNode, "item", allowed: ["id", "title", "text_missing"], required: ["id"]),
                  let id = reader.located(f["id"], "item id") else { return nil }
            return Located(StandardItem(id: id.value, title: reader.string(f["title"], "item title"),
                                        textMissing: reader.string(f["text_missing"], "text_missing")), at: id.mark)
        }
    }

    static func decodeQuestion(_ node: YAMLNode, what: String, reader: inout NodeReader) -> QuestionDefinition? {
        guard let f = reader.fields(node, what, allowed: questionKeys, required: ["id", "label", "type"]) else { return nil }
        let id = reader.located(f["id"], "\(what) id", pattern: isSnakeCase, rule: "use snake_case: a-z, 0-9, _")
        let label = reader.located(f["label"], "label", rule: "it must not be empty")?.value
        var kind: QuestionKind?
        if let typeNode = f["type"], let text = reader.string(typeNode, "type") {
            kind = QuestionKind(rawValue: text)
            if kind == nil {
                let names = QuestionKind.allCases.map(\.rawValue)
                reader.error(.invalidValue, "unknown question type '\(text)'\(Suggestion.hint(for: text, in: names)) (types: \(names.joined(separator: ", ")))", at: typeNode.mark)
            }
        }
        let min = reader.number(f["min"], "min"), max = reader.number(f["max"], "max")
        var options: [Located<OptionDefinition>] = []
        for optionNode in reader.sequence(f["options"], "options") {
            // Option values are compared in conditions and stored in the ledger: one spelling, snake_case.
            if case .scalar = optionNode.kind {
                if let value = reader.located(optionNode, "option value", pattern: isOptionValue, rule: optionValueRule)?.value {
                    options.append(Located(OptionDefinition(value: value, label: value), at: optionNode.mark))
                }
            } else if let o = reader.fields(optionNode, "option", allowed: ["value", "label"], required: ["value", "label"]),
                      let value = reader.located(o["value"], "option value", pattern: isOptionValue, rule: optionValueRule)?.value,
                      let optionLabel = reader.string(o["label"], "option label") {
                options.append(Located(OptionDefinition(value: value, label: optionLabel), at: optionNode.mark))
            }
        }
        let fields = reader.sequence(f["fields"], "fields").compactMap { decodeQuestion($0, what: "field", reader: &reader) }
        if let kind, let id {
            if kind == .enum, options.isEmpty { reader.error(.missingKey, "enum question '\(id.value)' needs 'options'", at: node.mark) }
            if kind != .enum, let o = f["options"] { reader.error(.invalidValue, "only enum questions take 'options'", at: o.mark) }
            if kind == .list, fields.isEmpty { reader.error(.missingKey, "list question '\(id.value)' needs 'fields'", at: node.mark) }
            if kind != .list, let fl = f["fields"] { reader.error(.invalidValue, "only list questions take 'fields'", at: fl.mark) }
            if kind != .number, kind != .integer {
                // A unit on a yes/no or an option would print as "= true m" in reports.
                for key in ["min", "max", "unit"] { if let n = f[key] { reader.error(.invalidValue, "only number and integer questions take '\(key)'", at: n.mark) } }
            }
        }
        guard let id, let label, let kind else { return nil }
        return QuestionDefinition(id: id, label: label, kind: kind, unit: reader.string(f["unit"], "unit"), min: min, max: max,
                                  options: options, fields: fields, help: reader.string(f["help"], "help"))
    }

    static func decodeCriterion(_ node: YAMLNode, reader: inout NodeReader) -> CriterionDefinition? {
        guard let f = reader.fields(node, "criterion", allowed: criterionKeys, required: ["id", "clause", "title", "grade", "hazard_when"]) else { return nil }
        let id = reader.located(f["id"], "criterion id", pattern: { isID($0, lowercase: false) }, rule: "use letters, digits, '.', '_' and '-'")
        let clause = reader.located(f["clause"], "clause", rule: "it must not be empty")?.value
        let title = reader.located(f["title"], "title", rule: "it must not be empty")?.value
        var grade: Grade?
        if let gradeNode = f["grade"], let text = reader.string(gradeNode, "grade") {
            grade = Grade(rawValue: text)
            if grade == nil { reader.error(.invalidValue, "grade must be major or general, not '\(text)'", at: gradeNode.mark) }
        }
        let weight = reader.number(f["weight"], "weight")
        if let weight, weight <= 0, let w = f["weight"] { reader.error(.invalidValue, "weight must be positive", at: w.mark) }
        let hazard = reader.expression(f["hazard_when"], "hazard_when")
        let applies = reader.expression(f["applies_when"], "applies_when")
        let references = reader.sequence(f["references"], "references").compactMap { reader.string($0, "reference") }
        guard let id, let clause, let title, let grade, let hazard else { return nil }
        return CriterionDefinition(id: id, clause: clause, title: title, grade: grade, section: reader.located(f["section"], "section"),
                                   appliesWhen: applies, hazardWhen: hazard, weight: weight ?? 1,
                                   advice: reader.string(f["advice"], "advice"), references: references,
                                   isManual: reader.bool(f["manual"], "manual") ?? false, note: reader.string(f["note"], "note"),
                                   items: decodeItemNames(f["item"], reader: &reader))
    }

    /// A criterion's `item:`: one item id or a list of them.
    static func decodeItemNames(_ node: YAMLNode?, reader: inout NodeReader) -> [Located<String>] {
        guard let node else { return [] }
        if case .sequence(let names) = node.kind {
            // An empty list would fall back to the clause unseen; say which item instead.
            if names.isEmpty { reader.error(.invalidValue, "item lists no item: name the standard.items id(s) this criterion encodes, or leave item out to use the clause", at: node.mark) }
            return reader.sequence(node, "item").compactMap { reader.located($0, "item") }
        }
        return reader.located(node, "item").map { [$0] } ?? []
    }

    static func decodeTest(_ node: YAMLNode, reader: inout NodeReader) -> TestCaseDefinition? {
        guard let f = reader.fields(node, "test", allowed: testKeys, required: ["name", "answers"]) else { return nil }
        let name = reader.string(f["name"], "test name")
        if f["expect"] == nil, f["expect_error"] == nil {
            reader.error(.missingKey, "test needs 'expect' or 'expect_error'", at: node.mark)
        }
        var expect: [(criterion: Located<String>, status: FindingStatus)] = []
        if let e = f["expect"] {
            if case .mapping(let pairs) = e.kind {
                for pair in pairs {
                    guard let text = reader.string(pair.value, "expected status") else { continue }
                    guard let status = FindingStatus(rawValue: text) else {
                        let names = FindingStatus.allCases.map(\.rawValue)
                        reader.error(.invalidValue, "unknown status '\(text)'\(Suggestion.hint(for: text, in: names)) (statuses: \(names.joined(separator: ", ")))", at: pair.value.mark)
                        continue
                    }
                    expect.append((Located(pair.key, at: pair.keyMark), status))
                }
            } else {
                reader.error(.wrongType, "expect must map criterion ids to statuses", at: e.mark)
            }
        }
        var facts: [(fact: Located<String>, value: AnswerInput)] = []
        if let e = f["expect_facts"] {
            if case .mapping(let pairs) = e.kind {
                facts = pairs.map { (Located($0.key, at: $0.keyMark), $0.value.answerInput) }
            } else {
                reader.error(.wrongType, "expect_facts must map fact names to values", at: e.mark)
            }
        }
        let answers = f["answers"]
        if let answers, !answers.isNull, case .mapping = answers.kind {} else if let answers, !answers.isNull {
            reader.error(.wrongType, "answers must be a mapping of question id to answer", at: answers.mark)
        }
        guard let name else { return nil }
        return TestCaseDefinition(name: name, mark: node.mark, inspectionDate: reader.date(f["inspection_date"], "inspection_date"),
                                  answers: answers?.answerInput ?? AnswerInput(.null), expect: expect, expectFacts: facts,
                                  expectError: reader.string(f["expect_error"], "expect_error"))
    }

    static let optionValueRule = "use a-z, 0-9 and _ (the label carries the words)"

    static func isOptionValue(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    /// A sector: the folder it lives in under checklists/ (`hazardous-chemicals`).
    static func isSector(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-" else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "-" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    static func isSnakeCase(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }

    static func isID(_ text: String, lowercase: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, first != ".", first != "-", first != "_" else { return false }
        return text.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "_" || c == "-" || (!lowercase && ("A"..."Z").contains(c))
        }
    }
}
