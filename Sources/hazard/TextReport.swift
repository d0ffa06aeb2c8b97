import HazardCore

/// The human-readable inspection report of `hazard evaluate`: hazards in full (clause,
/// evidence, advice), the rest one line each, totals and rating at the end.
struct TextReport {
    let evaluation: Evaluation
    let checklist: Checklist

    func render() -> String {
        var out: [String] = []
        let standard = checklist.standard
        out.append("\(checklist.title)")
        out.append("依据 \(standard.code)《\(standard.title)》· 检查表 \(checklist.id) v\(checklist.version) · sha256 \(checklist.sha256.prefix(12))")
        if let date = evaluation.inspectionDate { out.append("检查日期 \(date)") }
        if let date = evaluation.inspectionDate, checklist.isSuperseded(on: date), let successor = standard.supersededBy {
            // Said first and in Chinese: the findings below apply a standard no longer in force.
            if let encoded = standard.successor {
                out.append("⚠ 注意: 检查日期晚于 \(standard.code) 的废止日，现行标准为 \(successor)，应使用检查表 \(encoded) 评估。")
            } else {
                out.append("⚠ 注意: 检查日期晚于 \(standard.code) 的废止日，现行标准为 \(successor)，其条款本工具尚未编码；"
                           + "以下结论仅依 \(standard.code) 作出，不是依现行标准的判定，须按现行标准逐条核对。")
            }
        }
        for warning in evaluation.warnings { out.append("⚠ 警告: \(warning)") }
        if !evaluation.facts.isEmpty {
            out.append("插件计算值: " + evaluation.facts.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", "))
        }
        let sectionTitles = Dictionary(uniqueKeysWithValues: checklist.sections.map { ($0.id, $0.title) })
        var currentSection: String?? = .none
        for finding in evaluation.findings {
            if currentSection != .some(finding.section) {
                currentSection = .some(finding.section)
                if let section = finding.section { out.append("\n── \(sectionTitles[section] ?? section) ──") } else { out.append("") }
            }
            let manual = finding.isManual ? " (需人工判定)" : ""
            out.append("[\(finding.status.chinese)] \(finding.criterion) \(finding.clause) \(finding.title)\(manual)")
            if finding.status.isHazard || finding.status == .unanswered {
                let evidence = finding.evidence.map { e -> String in
                    let name = e.label.map { "\($0)(\(e.name))" } ?? e.name
                    let value = e.value.map { "\($0)\(e.unit.map { " \($0)" } ?? "")" } ?? "未作答"
                    return "\(name) = \(value)"
                }
                if !evidence.isEmpty { out.append("    依据: " + evidence.joined(separator: "; ")) }
            }
            if finding.status.isHazard, let advice = finding.advice { out.append("    整改建议: \(advice)") }
        }
        let c = evaluation.counts
        out.append("")
        out.append("合计 \(c.total) 项: 重大事故隐患 \(c.major) · 一般事故隐患 \(c.general) · 符合 \(c.compliant) · 不适用 \(c.notApplicable) · 未作答 \(c.unanswered)（其中需人工判定 \(c.manual) 项）")
        let score = evaluation.score.map { String(format1($0)) + " / 100" } ?? "无（没有可计分的项）"
        let completeness = evaluation.completeness.map { String(format1($0 * 100)) + "%" } ?? "—"
        let provisional = evaluation.rating.provisional ? "（有未作答项，评级为暂定）" : ""
        out.append("得分 \(score) · 完整度 \(completeness) · 评级 \(evaluation.rating.level.rawValue) \(evaluation.rating.label)\(provisional)")
        return out.joined(separator: "\n")
    }

    private func format1(_ x: Double) -> String {
        let scaled = (x * 10).rounded() / 10
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}
