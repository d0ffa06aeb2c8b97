import ArgumentParser
import Foundation
import HazardCore
import HazardJSON
import HazardLedger

struct LedgerShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a hazard and its audit trail.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "Hazard id.") var id: Int64
    @OptionGroup var output: FormatOption

    func run() async throws {
        try await runLedgerAction {
            let detail = try await ledger.open(.existing).detail(HazardID(id))
            if output.isJSON {
                printJSON(detail.jsonValue(today: try LedgerOptions.day(nil, "")))
                return
            }
            let h = detail.hazard, s = h.state
            print("#\(h.id) [\(h.grade == .major ? "重大事故隐患" : "一般事故隐患")] \(h.status.chinese) — \(h.criterion) \(h.clause) \(h.title)")
            print("  企业 \(h.enterpriseName) (\(h.enterprise)) · 区划 \(RegionTable.label(h.region)) · 行业 \(SectorLabel.name(h.sector, in: .zh)) · 来源 \(h.source.chinese) · 发现 \(s.foundOn)")
            print("  检查表 \(h.checklist) v\(h.checklistVersion) · 检查 #\(h.inspection)")
            print("  依据: \(h.evidence)")
            if let p = s.plan {
                print("  整改方案: 责任人 \(p.responsible ?? "—") · 措施 \(p.measures ?? "—") · 资金 \(p.funds ?? "—") · 时限 \(p.deadline?.description ?? "—") · 预案 \(p.contingency ?? "—")")
            }
            if let sup = s.supervision { print("  挂牌督办: \(sup.authority) 自 \(sup.since) 时限 \(sup.deadline?.description ?? "—")") }
            print("  审计记录（事件链）:")
            for line in AuditTrailTable.render(detail.events) { print("  " + line) }
        }
    }
}
