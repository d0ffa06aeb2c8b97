import Foundation
import HazardCore
import HazardJSON
import HazardLedger

/// The open-hazard list (问题隐患清单 + 责任清单) as text, JSON or CSV.
enum HazardListRenderer {
    static let header = ["ID", "GRADE", "STATUS", "ENTERPRISE", "NAME", "REGION", "SECTOR", "SOURCE", "CRITERION", "CLAUSE", "TITLE",
                         "FOUND", "OWNER", "DEADLINE", "OVERDUE", "SUPERVISION"]

    static func row(_ h: LedgerHazard, asOf: Day) -> [String] {
        var row = [h.id.description, h.grade.rawValue, h.status.rawValue, h.enterprise.rawValue, h.enterpriseName, h.region, h.sector]
        row += [h.source.rawValue, h.criterion.rawValue, h.clause, h.title, h.state.foundOn.description, h.owner ?? ""]
        row += [h.deadline?.description ?? "", h.isOverdue(asOf: asOf) ? "yes" : "", h.state.supervision?.authority ?? ""]
        return row
    }

    static func shortRow(_ h: LedgerHazard, asOf: Day) -> [String] {
        var row = [h.id.description, h.grade == .major ? "重大" : "一般", h.status.chinese, h.enterpriseName, h.criterion.rawValue, h.title]
        row += [h.owner ?? "—", h.deadline?.description ?? "—", h.isOverdue(asOf: asOf) ? "逾期" : ""]
        row.append(h.state.supervision.map { "督办:\($0.authority)" } ?? "")
        return row
    }

    static func render(_ hazards: [LedgerHazard], format: HazardListOptions.Format, asOf: Day) throws -> String {
        switch format {
        case .json:
            return LedgerHazard.listJSON(hazards, today: asOf).prettyText
        case .csv:
            return ([header] + hazards.map { row($0, asOf: asOf) }).map(CSV.line).joined(separator: "\n")
        case .text:
            let short = hazards.map { shortRow($0, asOf: asOf) }
            let lines = Table.render([["ID", "等级", "状态", "企业", "条款", "隐患", "责任人", "整改时限", "逾期", "挂牌督办"]] + short)
            return (lines + ["\(hazards.count) hazard(s)"]).joined(separator: "\n")
        }
    }
}

/// The ledger's hazard; `Hazard` is the command's name in this module.
typealias LedgerHazard = HazardLedger.Hazard

/// RFC 4180 fields.
enum CSV {
    static func line(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",")
    }
}
