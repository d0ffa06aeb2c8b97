public import HazardCore
public import HazardLedger

/// 隐患整改通知书 (责令限期整改): the hazards an inspection found, numbered by the ledger,
/// each with its clause, grade, evidence, advice, deadline and the 五落实 plan where one is
/// recorded, addressed to the enterprise and signed by the inspectors and on receipt.
public struct RectificationNoticeDocument: Sendable {
    public var inspection: InspectionRecord
    public var evaluation: Evaluation
    public var hazards: [Hazard]

    public init(inspection: InspectionRecord, evaluation: Evaluation, hazards: [Hazard]) {
        self.inspection = inspection
        self.evaluation = evaluation
        self.hazards = hazards
    }

    public var title: String { "隐患整改通知书" }

    public var number: DocumentNumber {
        DocumentNumber(kind: .notice, year: inspection.date.components.year, inspection: inspection.id.rawValue)
    }

    /// An enterprise's own inspection is rectified on its own instruction; anyone else's is an
    /// order (责令) the enterprise may appeal.
    private var isOrder: Bool { inspection.kind != .selfInspection }

    public func html() -> String {
        let reference = "台账：检查 #\(inspection.id) · 隐患 " + hazards.map { "#\($0.id)" }.joined(separator: " ")
        return DocumentPage(kind: .notice, title: title, number: number, ledgerReference: reference).render { page in
            let e = inspection.enterprise
            page.particulars([
                [("被检查单位", e.name, nil)],
                [("统一社会信用代码", e.uscc.rawValue, "mono"), ("所在地区", RegionTable.documentLabel(e.region), nil)],
                [("检查场所", inspection.site ?? "（全厂）", nil), ("检查日期", inspection.date.chinese, nil)],
                [("检查记录", DocumentNumber(kind: .record, year: number.year, inspection: inspection.id.rawValue).description, nil),
                 ("检查类别", inspection.kind.chinese, nil)],
            ])
            text(&page)
            page.element("h2", text: "需整改的事故隐患（\(hazards.count) 项）")
            for hazard in hazards { self.hazard(&page, hazard) }
            page.element("h2", text: "签名")
            page.element("div", [("class", "signatures")]) { box in
                for name in inspection.inspectors { box.signature(role: "检查人员", name: name) }
                box.signature(role: "被检查单位负责人（签收）", name: nil)
                box.element("p", [("class", "seal")], text: isOrder ? "（检查单位盖章）" : "（单位安全管理部门盖章）")
                box.element("p", [("class", "seal")], text: "　　　　年　　月　　日")
            }
            page.howToCheck([inspection.recordedEvent], what: "本通知书所依据的检查")
        }
    }

    private func text(_ page: inout HTMLWriter) {
        let c = evaluation.checklist
        let majors = hazards.filter { $0.grade == .major }.count
        let found = "发现事故隐患 \(hazards.count) 项（其中重大事故隐患 \(majors) 项，一般事故隐患 \(hazards.count - majors) 项），详见下列清单。"
        let site = inspection.site.map { "（\($0)）" } ?? ""
        page.element("div", [("class", "notice-text")]) { box in
            box.element("p", [("class", "addressee")], text: "\(inspection.enterprise.name)：")
            if isOrder {
                box.element("p", text: "\(inspection.date.chinese)，\(inspection.inspectors.joined(separator: "、"))对你单位\(site)进行\(inspection.kind.chinese)，"
                            + "依据 \(c.standard)《\(c.title)》，" + found)
                box.element("p", text: "依据《中华人民共和国安全生产法》等法律法规，现责令你单位对下列事故隐患在规定期限内整改完毕，"
                            + "落实整改责任、措施、资金、时限和应急预案，整改期间采取有效的安全防范措施，并在期限届满前将整改情况书面报告本单位，接受复查。")
                if majors > 0 {
                    box.element("p", text: "重大事故隐患排除前或者排除过程中无法保证安全的，应当从危险区域内撤出作业人员，暂时停产停业或者停止使用相关设施、设备。")
                }
                box.element("p", text: "如不服本通知，可以依法申请行政复议或者提起行政诉讼。")
            } else {
                box.element("p", text: "\(inspection.date.chinese)，本单位\(site)隐患排查（检查人员：\(inspection.inspectors.joined(separator: "、"))），"
                            + "依据 \(c.standard)《\(c.title)》，" + found)
                box.element("p", text: "请各责任人按下列期限整改完毕，整改期间采取有效的安全防范措施，整改完成后报安全管理部门复查、销号。")
            }
        }
        page.newline()
    }

    private func hazard(_ page: inout HTMLWriter, _ hazard: Hazard) {
        let finding = evaluation.finding(hazard.criterion)
        page.element("div", [("class", "hazard"), ("data-hazard", String(hazard.id.rawValue)), ("data-criterion", hazard.criterion.rawValue)]) { box in
            box.element("p", [("class", "hazard-head")]) { head in
                head.element("span", [("class", "grade grade-\(hazard.grade.rawValue)")],
                             text: hazard.grade == .major ? "重大事故隐患" : "一般事故隐患")
                head.text("隐患 #\(hazard.id)　\(hazard.title)")
            }
            box.element("dl") { dl in
                dl.element("dt", text: "条款")
                dl.element("dd", text: "\(hazard.clause)（\(hazard.criterion)）")
                dl.element("dt", text: "依据")
                dl.element("dd", text: hazard.evidence.isEmpty ? "—" : hazard.evidence)
                if let advice = finding?.advice {
                    dl.element("dt", text: "整改建议")
                    dl.element("dd", text: advice)
                }
                dl.element("dt", text: "整改期限")
                dl.element("dd") { dd in
                    if let deadline = hazard.deadline { dd.element("strong", text: deadline.chinese + "前") } else {
                        dd.blank(); dd.text("年　　月　　日前")
                    }
                }
                dl.element("dt", text: "五落实")
                dl.element("dd") { dd in plan(&dd, hazard) }
                if let s = hazard.state.supervision {
                    dl.element("dt", text: "挂牌督办")
                    dl.element("dd", text: "\(s.authority)，自 \(s.since.chinese)" + (s.deadline.map { "，督办期限 \($0.chinese)" } ?? ""))
                }
                dl.element("dt", text: "当前状态")
                dl.element("dd", text: hazard.status.chinese + (hazard.state.rectifiedOnTheSpot ? "（立查立改）" : ""))
            }
        }
        page.newline()
    }

    private func plan(_ dd: inout HTMLWriter, _ hazard: Hazard) {
        guard let p = hazard.state.plan else {
            dd.text(hazard.grade == .major
                    ? "尚未录入。重大事故隐患须落实整改责任人、措施、资金、时限和应急预案后方可整改。"
                    : "尚未录入（一般事故隐患须明确责任人和整改时限）。")
            return
        }
        let parts: [(String, String?)] = [("责任人", p.responsible), ("整改措施", p.measures), ("整改资金", p.funds),
                                          ("整改时限", p.deadline?.chinese), ("应急预案", p.contingency)]
        dd.element("ul", [("class", "evidence plan")]) { ul in
            for (label, value) in parts { ul.element("li", text: "\(label)：\(value ?? "—")") }
        }
    }
}
