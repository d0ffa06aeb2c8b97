import HazardCore

/// The human-readable inspection report of `hazard evaluate`: warnings first, hazards in full
/// (clause, evidence, the list records that decided them, advice), the rest one line each,
/// totals and rating at the end. Every status is printed with `FindingStatus.chinese`, the
/// rating as `红色（重大风险）`, warnings in Chinese (`EvaluationWarning.chinese`).
struct TextReport {
    let evaluation: Evaluation
    let checklist: Checklist

    func render() -> String {
        var out: [String] = []
        let standard = checklist.standard
        out.append("\(checklist.title)")
        out.append("依据 \(standard.code)《\(standard.title)》· 检查表 \(checklist.id) v\(checklist.version) · sha256 \(checklist.sha256.prefix(12))")
        if let date = evaluation.inspectionDate { out.append("检查日期 \(date)") }
        // Said first: the findings below may apply a standard not in force that day.
        for warning in evaluation.warnings { out.append("⚠ 警告: \(warning.chinese)") }
        if !evaluation.facts.isEmpty {
            out.append("插件计算值: " + evaluation.facts.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", "))
        }
        let sectionTitles = Dictionary(uniqueKeysWithValues: checklist.sections.map { ($0.id, $0.title) })
        let criteria = Dictionary(checklist.criteria.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var currentSection: String?? = .none
        for finding in evaluation.findings {
            if currentSection != .some(finding.section) {
                currentSection = .some(finding.section)
                if let section = finding.section { out.append("\n── \(sectionTitles[section] ?? section) ──") } else { out.append("") }
            }
            let manual = finding.isManual ? " (需人工判定)" : ""
            out.append("[\(finding.status.chinese)] \(finding.criterion) \(finding.clause) \(finding.title)\(manual)")
            if finding.status.isHazard || finding.status == .unanswered {
                let evidence = finding.evidence.map(Self.evidence)
                if !evidence.isEmpty { out.append("    依据: " + evidence.joined(separator: "; ")) }
                for item in finding.evidence {
                    guard let rows = item.matchedRows else { continue }
                    let functions = criteria[finding.criterion]?.listFunctions.filter { $0.list.rawValue == item.name }.map(\.function) ?? []
                    out.append("    记录 \(item.name): " + Self.rows(rows, functions: functions))
                }
            }
            if finding.status.isHazard, let advice = finding.advice { out.append("    整改建议: \(advice)") }
        }
        let c = evaluation.counts
        func count(_ status: FindingStatus, _ n: Int) -> String { "\(status.chinese) \(n)" }
        out.append("")
        out.append("合计 \(c.total) 项: " + [count(.major, c.major), count(.general, c.general), count(.compliant, c.compliant),
                                         count(.notApplicable, c.notApplicable), count(.unanswered, c.unanswered)].joined(separator: " · ")
                   + "（其中需人工判定 \(c.manual) 项）")
        let score = evaluation.score.map { String(format1($0)) + " / 100" } ?? "无（没有可计分的项）"
        let completeness = evaluation.completeness.map { String(format1($0 * 100)) + "%" } ?? "—"
        // 未评级 already says nothing is decided; 暂定 qualifies a rating that was given.
        let provisional = evaluation.rating.provisional && evaluation.rating.level != .unrated ? "（有未作答项，评级为暂定）" : ""
        out.append("得分 \(score) · 完整度 \(completeness) · 评级 \(evaluation.rating.level.reportName)\(provisional)")
        return out.joined(separator: "\n")
    }

    /// `label(name) = value unit`; a list read by `any`/`all`/`count` as its record count, its
    /// deciding records following on their own line.
    private static func evidence(_ e: Evidence) -> String {
        let name = e.label.map { "\($0)(\(e.name))" } ?? e.name
        guard let value = e.value else { return "\(name) = 未作答" }
        if e.matchedRows != nil, let records = value.records { return "\(name) = 共 \(records.count) 条记录" }
        return "\(name) = \(value)\(e.unit.map { " \($0)" } ?? "")"
    }

    /// The records that decided a list function, numbered from 1 as the inspector listed them:
    /// `第3条 {device: 灌装间排风机接线盒, epl: none, zone: zone_1}（条件成立）`.
    private static func rows(_ rows: [MatchedRow], functions: [MatchedRow.Function]) -> String {
        guard !rows.isEmpty else {
            // Nothing listed: for any/count no record met the condition, for all none failed it.
            if functions.allSatisfy({ $0 == .all }) { return "全部记录条件成立" }
            return functions.contains(.all) ? "没有记录使 any/count 条件成立，也没有记录使 all 条件不成立" : "没有记录使条件成立"
        }
        return rows.map { row in
            let outcome: String
            switch row.outcome {
            case .matched: outcome = "条件成立"
            case .unmatched: outcome = "条件不成立"
            case .undecided: outcome = "无法判定，有字段未作答"
            }
            return "第\(row.index + 1)条 \(row.record)（\(outcome)）"
        }.joined(separator: "; ")
    }

    private func format1(_ x: Double) -> String {
        let scaled = (x * 10).rounded() / 10
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}
