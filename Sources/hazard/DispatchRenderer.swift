import Foundation
import HazardCore
import HazardJSON
import HazardLedger

/// The dispatch report as a form (text), JSON or CSV (`item,label,cumulative,in_period,amount`).
enum DispatchRenderer {
    static func render(_ r: DispatchReport, format: ReportDispatchCommand.Format) throws -> String {
        switch format {
        case .json:
            return r.jsonValue.prettyText
        case .csv:
            var lines = [CSV.line(["item", "label", "cumulative", "in_period", "amount"])]
            for l in r.overall + r.additional + r.enforcement {
                lines.append(CSV.line([l.item, l.label, String(l.figure.cumulative), String(l.figure.inPeriod), l.amount.map(number) ?? ""]))
            }
            lines.append(CSV.line(["R.1", "重大事故隐患整改率", percent(r.majorRectificationRate), "", ""]))
            lines.append(CSV.line(["R.2", "一般事故隐患整改率", percent(r.generalRectificationRate), "", ""]))
            lines.append(CSV.line(["R.3", "隐患整改率", percent(r.rectificationRate), "", ""]))
            for (prefix, rows) in [("sector", r.bySector), ("region", r.byRegion)] {
                for b in rows {
                    lines.append(CSV.line(["\(prefix):\(b.key)", "重大/已整改/一般/已整改/逾期",
                                           "\(b.major)/\(b.majorRectified)/\(b.general)/\(b.generalRectified)/\(b.overdue)", "", ""]))
                }
            }
            return lines.joined(separator: "\n")
        case .text:
            let q = r.query
            var out = ["重大事故隐患专项排查整治进展情况调度表 · \(q.from) 至 \(q.to)\(q.region.map { " · 区划 \($0)" } ?? "")\(q.sector.map { " · 行业 \($0)" } ?? "")"]
            func section(_ title: String, _ lines: [DispatchReport.Line]) {
                out.append("")
                out.append(title)
                var rows = [["项目", "内容", "累计", "本期", "金额/人数"]]
                for l in lines { rows.append([l.item, l.label, String(l.figure.cumulative), String(l.figure.inPeriod), l.amount.map(number) ?? ""]) }
                out += Table.render(rows)
            }
            section("一、总体情况", r.overall)
            section("补充（台账可计）", r.additional)
            out.append("整改率: 重大 \(percent(r.majorRectificationRate)) · 一般 \(percent(r.generalRectificationRate)) · 合计 \(percent(r.rectificationRate))")
            section("二、三、抽查检查与执法情况（台账已记录部分）", r.enforcement)
            for (title, rows) in [("按行业", r.bySector), ("按区划", r.byRegion)] {
                out.append("")
                out.append(title)
                out += Table.render([["", "重大", "已整改", "一般", "已整改", "逾期", "整改率"]]
                                    + rows.map { [$0.key, String($0.major), String($0.majorRectified), String($0.general), String($0.generalRectified), String($0.overdue), percent($0.rectificationRate)] })
            }
            return out.joined(separator: "\n")
        }
    }

    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        return String((rate * 1000).rounded() / 10) + "%"
    }

    static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x) }
}
