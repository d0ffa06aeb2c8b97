public import HazardCore
public import HazardLedger

/// 现场检查记录 (an inspection by a department, a supervision check or a report followed up)
/// or 隐患排查记录 (an enterprise's self-inspection): the enterprise, site, date, kind of
/// inspection, inspectors, the checklist by standard, version and SHA-256, every finding with
/// clause, grade, evidence and advice, the counts and rating, and a signature block for each
/// inspector and for the enterprise's representative.
public struct InspectionRecordDocument: Sendable {
    public var evaluation: Evaluation
    /// The inspection as recorded; nil for a record printed straight from `hazard evaluate`,
    /// which leaves enterprise, inspectors and kind blank to fill in by hand.
    public var inspection: InspectionRecord?
    /// The hazards recorded from it, for their ledger numbers.
    public var hazards: [Hazard]

    public init(evaluation: Evaluation, inspection: InspectionRecord? = nil, hazards: [Hazard] = []) {
        self.evaluation = evaluation
        self.inspection = inspection
        self.hazards = hazards
    }

    public var title: String { inspection?.kind == .selfInspection ? "隐患排查记录" : "现场检查记录" }

    public var number: DocumentNumber? {
        inspection.map { DocumentNumber(kind: .record, year: $0.date.components.year, inspection: $0.id.rawValue) }
    }

    public func html() -> String {
        let reference = inspection.map { "台账：检查 #\($0.id)" + (hazards.isEmpty ? "" : " · 隐患 " + hazards.map { "#\($0.id)" }.joined(separator: " ")) }
        return DocumentPage(kind: .record, title: title, number: number, ledgerReference: reference).render { page in
            particulars(&page)
            for warning in evaluation.warnings { page.element("p", [("class", "warning")], text: "⚠ " + warning.chinese) }
            let hazardFindings = evaluation.findings.filter(\.status.isHazard)
            page.element("h2", text: "一、检查发现的事故隐患（\(hazardFindings.count) 项）")
            if hazardFindings.isEmpty { page.element("p", text: "本次检查未发现事故隐患。") }
            for (index, finding) in hazardFindings.enumerated() { hazardFinding(&page, finding, index: index + 1) }
            let others = evaluation.findings.filter { !$0.status.isHazard }
            page.element("h2", text: "二、其他检查项（\(others.count) 项）")
            otherFindings(&page, others)
            page.element("h2", text: "三、检查结论")
            summary(&page)
            page.element("h2", text: "四、签名")
            signatures(&page)
            if let inspection { page.howToCheck([inspection.recordedEvent], what: "本记录") }
        }
    }

    private func particulars(_ page: inout HTMLWriter) {
        let c = evaluation.checklist
        let date = inspection?.date ?? evaluation.inspectionDate
        page.particulars([
            [("被检查单位", inspection?.enterprise.name, nil)],
            [("统一社会信用代码", inspection?.enterprise.uscc.rawValue, "mono"), ("所在地区", inspection.map { RegionTable.documentLabel($0.enterprise.region) }, nil)],
            [("检查场所", inspection.map { $0.site ?? "（全厂）" }, nil), ("检查日期", date?.chinese, nil)],
            [("检查人员", inspection?.inspectors.joined(separator: "、"), nil)],
            [("检查依据", "\(c.standard)《\(c.title)》", nil)],
            [("检查表", "\(c.id) 版本 \(c.version)", "mono"), ("行业", inspection?.sector ?? nil, nil)],
            [("检查表 SHA-256", c.sha256, "hash")],
        ])
        page.element("p") { p in
            p.text("检查类别：")
            p.kindCheckboxes(inspection?.kind)
        }
    }

    private func hazardFinding(_ page: inout HTMLWriter, _ finding: Finding, index: Int) {
        let id = hazards.first { $0.criterion == finding.criterion }?.id
        page.element("div", [("class", "finding"), ("data-criterion", finding.criterion.rawValue), ("data-status", finding.status.rawValue)]) { box in
            box.element("p", [("class", "finding-head")]) { head in
                head.element("span", [("class", "grade grade-\(finding.status.rawValue)")], text: finding.status.chinese)
                head.text("\(index). " + (id.map { "隐患 #\($0)　" } ?? "") + finding.title)
            }
            box.element("dl") { dl in
                dl.element("dt", text: "条款")
                dl.element("dd", text: "\(finding.clause)（\(finding.criterion)）" + (finding.isManual ? "　需人工判定" : ""))
                dl.element("dt", text: "依据")
                dl.element("dd") { $0.evidence(finding.evidence) }
                if let advice = finding.advice {
                    dl.element("dt", text: "整改建议")
                    dl.element("dd", text: advice)
                }
                if let note = finding.note {
                    dl.element("dt", text: "说明")
                    dl.element("dd", text: note)
                }
            }
        }
        page.newline()
    }

    private func otherFindings(_ page: inout HTMLWriter, _ findings: [Finding]) {
        guard !findings.isEmpty else { page.element("p", text: "无。"); return }
        page.element("table", [("class", "others")]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    for label in ["结果", "条款", "检查项", "依据"] { tr.element("th", text: label) }
                }
            }
            table.element("tbody") { body in
                for finding in findings {
                    body.element("tr", [("class", "finding-row"), ("data-criterion", finding.criterion.rawValue), ("data-status", finding.status.rawValue)]) { tr in
                        tr.element("td", text: finding.status.chinese)
                        tr.element("td", text: "\(finding.clause)（\(finding.criterion)）")
                        tr.element("td", text: finding.title + (finding.isManual ? "（需人工判定）" : ""))
                        // Evidence matters for what is still open: the answers still missing.
                        tr.element("td") { td in if finding.status == .unanswered { td.evidence(finding.evidence) } }
                    }
                }
            }
        }
        page.newline()
    }

    private func summary(_ page: inout HTMLWriter) {
        let c = evaluation.counts, r = evaluation.rating
        page.element("div", [("class", "summary")]) { box in
            box.element("p", text: "共检查 \(c.total) 项：重大事故隐患 \(c.major) 项，一般事故隐患 \(c.general) 项，未发现隐患 \(c.compliant) 项，"
                        + "不适用 \(c.notApplicable) 项，未作答 \(c.unanswered) 项（其中需人工判定 \(c.manual) 项）。")
            box.element("p") { p in
                p.text("得分：" + (evaluation.score.map { Self.oneDecimal($0) + " / 100" } ?? "无（没有可计分的项）"))
                p.text("；完整度：" + (evaluation.completeness.map { Self.oneDecimal($0 * 100) + "%" } ?? "—"))
                p.text("；风险评级：")
                p.element("strong", [("class", "rating rating-\(r.level.rawValue)")], text: r.level.reportName)
                if r.provisional && r.level != .unrated { p.text("（有未作答项，评级为暂定）") }
                p.text("。")
            }
        }
    }

    private func signatures(_ page: inout HTMLWriter) {
        page.element("div", [("class", "signatures")]) { box in
            let inspectors = inspection?.inspectors ?? []
            // Not recorded yet: two blank blocks, the fewest inspectors a department check has.
            if inspectors.isEmpty { for _ in 0..<2 { box.signature(role: "检查人员", name: nil) } }
            for name in inspectors { box.signature(role: "检查人员", name: name) }
            box.signature(role: "被检查单位负责人", name: nil)
            if let inspection {
                box.element("p", [("class", "muted")], text: "台账签署：\(inspection.signature)（签署人 \(inspection.signedBy)）")
            }
        }
        page.newline()
    }

    static func oneDecimal(_ x: Double) -> String {
        let scaled = (x * 10).rounded() / 10
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}

extension HTMLWriter {
    /// A finding's evidence: each answer, fact or finding read, with its value.
    mutating func evidence(_ items: [Evidence]) {
        guard !items.isEmpty else { text("—"); return }
        element("ul", [("class", "evidence")]) { ul in
            for e in items {
                let name = e.label.map { "\($0)（\(e.name)）" } ?? e.name
                let value = e.value.map { "\($0)" + (e.unit.map { " \($0)" } ?? "") } ?? "未作答"
                ul.element("li", text: "\(name) = \(value)")
            }
        }
    }
}
