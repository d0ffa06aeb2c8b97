import Foundation
import HazardCore
import HazardJSON
import HazardLedger

/// The open-hazard list (问题隐患清单 + 责任清单) as text, JSON or CSV.
enum HazardListRenderer {
    /// How a list is laid out besides its format.
    struct Layout {
        /// Chinese headers and values, or the ledger's codes (CSV only; text is Chinese).
        var language: OutputLanguage = .zh
        /// Text: every column, nothing cut; otherwise the list fits `width` cells.
        var wide = false
        var width = 120
    }

    /// One column of the full list: its headers and how a hazard fills it.
    struct Column: Sendable {
        var zh: String
        var en: String
        var cell: @Sendable (LedgerHazard, Day, OutputLanguage) -> CSVWriter.Cell
    }

    /// Every column, as CSV and `--wide` show them; each value in a cell of its own.
    static let columns: [Column] = [
        Column(zh: "编号", en: "id") { h, _, _ in .integer(Int(h.id.rawValue)) },
        Column(zh: "等级", en: "grade") { h, _, l in .text(l.pick(h.grade == .major ? "重大" : "一般", h.grade.rawValue)) },
        Column(zh: "状态", en: "status") { h, _, l in .text(l.pick(h.status.chinese, h.status.rawValue)) },
        Column(zh: "统一社会信用代码", en: "enterprise") { h, _, _ in .code(h.enterprise.rawValue) },
        Column(zh: "企业名称", en: "name") { h, _, _ in .text(h.enterpriseName) },
        Column(zh: "区划代码", en: "region") { h, _, _ in .code(h.region) },
        Column(zh: "区划名称", en: "region_name") { h, _, _ in RegionTable.fullName(of: h.region).map { .text($0) } ?? .empty },
        Column(zh: "行业", en: "sector") { h, _, l in .text(SectorLabel.name(h.sector, in: l)) },
        Column(zh: "来源", en: "source") { h, _, l in .text(l.pick(h.source.chinese, h.source.rawValue)) },
        Column(zh: "判定项", en: "criterion") { h, _, _ in .code(h.criterion.rawValue) },
        Column(zh: "条款", en: "clause") { h, _, _ in .text(h.clause) },
        Column(zh: "隐患", en: "title") { h, _, _ in .text(h.title) },
        Column(zh: "发现日期", en: "found") { h, _, _ in .text(h.state.foundOn.description) },
        Column(zh: "责任人", en: "owner") { h, _, _ in .text(h.owner ?? "") },
        Column(zh: "整改时限", en: "deadline") { h, _, _ in .text(h.deadline?.description ?? "") },
        Column(zh: "是否逾期", en: "overdue") { h, day, l in h.isOverdue(asOf: day) ? .text(l.pick("是", "yes")) : .empty },
        Column(zh: "挂牌督办", en: "supervision") { h, _, _ in .text(h.state.supervision?.authority ?? "") },
    ]

    static func render(_ hazards: [LedgerHazard], format: HazardListOptions.Format, asOf: Day, layout: Layout = Layout()) throws -> String {
        switch format {
        case .json:
            return LedgerHazard.listJSON(hazards, today: asOf).prettyText
        case .csv:
            return csv(hazards, asOf: asOf, language: layout.language).text
        case .text:
            let lines = layout.wide ? wideText(hazards, asOf: asOf) : fittedText(hazards, asOf: asOf, width: layout.width)
            return (lines + ["\(hazards.count) hazard(s)"]).joined(separator: "\n")
        }
    }

    /// Prints the list: CSV byte for byte (BOM, CRLF), the others as lines.
    static func write(_ hazards: [LedgerHazard], format: HazardListOptions.Format, asOf: Day, layout: Layout) throws {
        if format == .csv {
            csv(hazards, asOf: asOf, language: layout.language).write()
        } else {
            Swift.print(try render(hazards, format: format, asOf: asOf, layout: layout))
        }
    }

    static func csv(_ hazards: [LedgerHazard], asOf: Day, language: OutputLanguage) -> CSVWriter {
        var writer = CSVWriter()
        writer.append(columns.map { .text(language.pick($0.zh, $0.en)) })
        for h in hazards { writer.append(columns.map { $0.cell(h, asOf, language) }) }
        return writer
    }

    /// Every column, nothing cut (`--wide`).
    static func wideText(_ hazards: [LedgerHazard], asOf: Day) -> [String] {
        Table.trimmedRender([columns.map(\.zh)] + hazards.map { h in columns.map { CSVWriter.display($0.cell(h, asOf, .zh)) } })
    }

    /// The columns an official works from, fitted to `width` cells: names, titles and
    /// authorities are elided with `…` when the line would be longer. The region shows by its
    /// own name (常熟市; the bare code when the table lacks it) to leave the title room;
    /// `--wide`, CSV and `ledger show` give code and full name.
    static func fittedText(_ hazards: [LedgerHazard], asOf: Day, width: Int) -> [String] {
        let header = ["ID", "等级", "状态", "企业", "区划", "判定项", "隐患", "责任人", "整改时限", "逾期", "挂牌督办"]
        let rows = hazards.map { h -> [String] in
            [h.id.description, h.grade == .major ? "重大" : "一般", h.status.chinese, h.enterpriseName, RegionTable.region(h.region)?.name ?? h.region,
             h.criterion.rawValue, h.title, h.owner ?? "—", h.deadline?.description ?? "—", h.isOverdue(asOf: asOf) ? "逾期" : "",
             h.state.supervision.map { "督办:\($0.authority)" } ?? ""]
        }
        return Table.render([header] + rows, fitting: width, elastic: [3, 4, 6, 7, 10])
    }
}

/// The ledger's hazard; `Hazard` is the command's name in this module.
typealias LedgerHazard = HazardLedger.Hazard
