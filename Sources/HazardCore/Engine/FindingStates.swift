/// What an inspection changes in each finding: per criterion, in `Checklist.findingTemplates`
/// order, its status and the values of its evidence. With the templates this is exactly
/// `Evaluation.findings` (`findings(_:detail:)`); serialisers that pre-encode the templates'
/// text write a result from these without building `Finding`s.
///
/// Evidence values are read from the graded slots when asked for, not built beforehand:
/// most are booleans and options, which `evidence(_:of:)` hands out without allocating.
package struct FindingStates: Sendable {
    let checklist: Checklist
    let slots: AnswerSlots
    /// Status codes of every criterion, as the program decided them.
    let codes: [UInt8]
    let facts: [String: Value]

    init(checklist: Checklist, slots: AnswerSlots, codes: [UInt8], facts: [String: Value]) {
        self.checklist = checklist
        self.slots = slots
        self.codes = codes
        self.facts = facts
    }

    /// The checklist the states are of.
    package var checklistID: ChecklistID { checklist.id }
    package var checklistSHA256: String { checklist.sha256 }

    /// Number of criteria.
    package var count: Int { checklist.reportPlan.sources.count }

    package func status(_ index: Int) -> FindingStatus { FindingStatus(code: codes[index]) }

    /// Number of evidence items of criterion `index`.
    package func evidenceCount(of index: Int) -> Int { checklist.reportPlan.sources[index].count }

    /// Evidence item `k` of criterion `index`, in its template's evidence order.
    package func evidence(_ k: Int, of index: Int) -> EvidenceValue {
        switch checklist.reportPlan.sources[index][k] {
        case .question(let q): return answer(q)
        case .fact(let f): return facts[checklist.factSlots[f].name.rawValue].map(EvidenceValue.value) ?? .unanswered
        case .finding(let c): return .status(FindingStatus(code: codes[c]))
        }
    }

    /// Evidence item `k` of criterion `index` as a value (nil: unanswered).
    package func value(_ k: Int, of index: Int) -> Value? {
        value(k, of: index, lists: nil)
    }

    /// As `value(_:of:)`, taking list answers from `lists` (`ReportPlan.listEvidence`'s
    /// answers as values) when given: built once for all the findings that show them.
    private func value(_ k: Int, of index: Int, lists: [Value?]?) -> Value? {
        switch evidence(k, of: index) {
        case .list(let q):
            let position = checklist.reportPlan.listPosition[q]
            if let lists, position >= 0 { return lists[position] }
            return slots.value(of: q, in: checklist)
        case .unanswered: return nil
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .option(let question, let option): return .string(checklist.binding[question].options[option])
        case .text(let s): return .string(s)
        case .date(let d): return .date(d)
        case .status(let status): return .string(status.rawValue)
        case .value(let value): return value
        }
    }

    /// The records of evidence item `k` of criterion `index` that decided its list functions
    /// (`MatchedRow`); nil when the item is not a list read by `any`, `all` or `count`, or the
    /// list is unanswered. Worked out on each call, from the graded answers.
    package func matchedRows(_ k: Int, of index: Int) -> [MatchedRow]? {
        let probes = checklist.reportPlan.listProbes[index]
        guard !probes.isEmpty, !probes[k].isEmpty else { return nil }
        var rows: [MatchedRow]?
        for probe in probes[k] {
            guard let found = probe.rows(slots, statuses: codes) else { continue }
            if rows == nil { rows = found } else { rows?.append(contentsOf: found) }
        }
        return rows
    }

    /// The number of records of list answer `q` (an `EvidenceValue.list`).
    package func recordCount(ofList q: Int) -> Int {
        slots.lists[checklist.binding[q].slot]?.count ?? 0
    }

    /// The answered fields of record `row` of list answer `q`, in name order: what
    /// `AnswerSlots.value(of:in:)` puts in that record, without building it.
    package func forEachField(ofList q: Int, row: Int, _ body: (_ name: String, _ value: Value) -> Void) {
        guard let table = slots.lists[checklist.binding[q].slot] else { return }
        let fields = checklist.listBindings[q]
        for f in fields.sortedOrder {
            let k = row * table.fieldCount + fields.bindings[f].slot
            if let value = AnswerSlots.scalar(fields.bindings[f], number: table.numbers[k], text: table.texts[k]) { body(fields.ids[f], value) }
        }
    }

    /// The answer to question `q`, read as `AnswerSlots.value(of:in:)` reads it.
    private func answer(_ q: Int) -> EvidenceValue {
        let slot = checklist.binding[q].slot
        let number = slots.numbers[slot]
        switch checklist.binding[q].kind {
        case .list:
            return slot < slots.lists.count && slots.lists[slot] != nil ? .list(question: q) : .unanswered
        case _ where number.isNaN:
            return .unanswered
        case .boolean: return .bool(number != 0)
        case .number, .integer: return .number(number)
        case .date: return .date(Day(daysSinceEpoch: Int(number)))
        case .enum:
            let option = Int(number)
            return checklist.binding[q].options.indices.contains(option) ? .option(question: q, option: option) : .unanswered
        case .text:
            guard slot < slots.texts.count, let text = slots.texts[slot] else { return .unanswered }
            return .text(text)
        }
    }

    /// The findings `Engine.evaluate` builds at `detail`, from the checklist's templates.
    package func findings(_ templates: [Finding], detail: Evaluation.Detail) -> [Finding] {
        guard detail != .summary else { return [] }
        var findings: [Finding] = []
        findings.reserveCapacity(detail == .full ? templates.count : 8)
        let lists = checklist.reportPlan.listEvidence.map { slots.value(of: $0, in: checklist) }
        for index in templates.indices where detail == .full || status(index).isHazard {
            var finding = templates[index]
            finding.status = status(index)
            for k in finding.evidence.indices { finding.evidence[k].value = value(k, of: index, lists: lists) }
            if !checklist.reportPlan.listProbes[index].isEmpty {
                for k in finding.evidence.indices { finding.evidence[k].matchedRows = matchedRows(k, of: index) }
            }
            findings.append(finding)
        }
        return findings
    }
}

/// One evidence value of a finding, as `FindingStates.evidence(_:of:)` reads it from the
/// graded answers: the common kinds without building a `Value`.
package enum EvidenceValue: Sendable {
    case unanswered
    case bool(Bool)
    case number(Double)
    /// An enum answer: option number `option` of question number `question`
    /// (`Checklist.questions` order).
    case option(question: Int, option: Int)
    case text(String)
    case date(Day)
    /// The status of the criterion a `finding("ID")` reads.
    case status(FindingStatus)
    /// An answered list question, number `question`: its records are read from the graded
    /// table (`recordCount(ofList:)`, `forEachField(ofList:row:_:)`) without building values.
    case list(question: Int)
    /// A plugin's fact.
    case value(Value)
}
