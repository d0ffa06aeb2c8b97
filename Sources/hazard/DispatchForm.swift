import HazardCore
import HazardLedger

/// The dispatch report laid out as the paper form (调度表) is: a title, the period and scope,
/// then one table whose lines are the form's items and whose columns are 累计 (cumulative up
/// to the last day) and 本期 (within the period), grouped as on the form, and the breakdowns
/// by sector and by region. Every value sits in a cell of its own. The text and CSV renderings
/// both print this layout, so what an official reads on screen is what opens in Excel.
struct DispatchForm {
    /// One table: a header and rows; a row of a single text cell is a group heading.
    struct Block {
        var header: [CSVWriter.Cell]
        var rows: [[CSVWriter.Cell]]
    }

    var title: String
    /// Label–value rows: the period, the region, the sector.
    var scope: [[CSVWriter.Cell]]
    var tables: [Block]

    init(_ r: DispatchReport, language l: OutputLanguage) {
        title = l.pick("重大事故隐患专项排查整治进展情况调度表", "dispatch form (调度表)")
        let q = r.query
        scope = [
            [.text(l.pick("起始日期", "from")), .text(q.from.description)],
            [.text(l.pick("截止日期", "to")), .text(q.to.description)],
            [.text(l.pick("区划", "region"))] + Self.regionCells(q.region, language: l),
            [.text(l.pick("行业", "sector")), .text(q.sector.map { SectorLabel.name($0, in: l) } ?? l.pick("全部", "all"))],
        ]
        let header: [CSVWriter.Cell] = [
            .text(l.pick("序号", "item")), .text(l.pick("项目", "label")), .text(l.pick("累计", "cumulative")),
            .text(l.pick("本期", "in_period")), .text(l.pick("金额（万元）", "amount_10k_yuan")), .text(l.pick("人数", "persons")),
        ]
        var rows: [[CSVWriter.Cell]] = []
        func group(_ zh: String, _ en: String, _ lines: [DispatchReport.Line]) {
            rows.append([.text(l.pick(zh, en))])
            rows += lines.map(Self.row)
        }
        group("一、总体情况", "1 overall", r.overall)
        group("补充（台账可计）", "A additional (from the ledger)", r.additional)
        rows.append([.text(l.pick("整改率（截至期末）", "R rectification rates (up to the last day)"))])
        rows.append([.code("R.1"), .text("重大事故隐患整改率"), .percent(r.majorRectificationRate), .empty, .empty, .empty])
        rows.append([.code("R.2"), .text("一般事故隐患整改率"), .percent(r.generalRectificationRate), .empty, .empty, .empty])
        rows.append([.code("R.3"), .text("隐患整改率"), .percent(r.rectificationRate), .empty, .empty, .empty])
        group("二、三、抽查检查与执法情况（台账已记录部分）", "2-3 spot checks and enforcement (as recorded)", r.enforcement)
        tables = [Block(header: header, rows: rows)]

        let counts: [CSVWriter.Cell] = [
            .text(l.pick("重大（个）", "major")), .text(l.pick("其中已整改", "major_rectified")), .text(l.pick("一般（个）", "general")),
            .text(l.pick("其中已整改", "general_rectified")), .text(l.pick("逾期（个）", "overdue")), .text(l.pick("整改率", "rectification_rate")),
        ]
        tables.append(Block(header: [.text(l.pick("行业（累计）", "sector"))] + counts,
                            rows: r.bySector.map { [.text(SectorLabel.name($0.key, in: l))] + Self.counts($0) }))
        tables.append(Block(header: [.text(l.pick("区划代码（累计）", "region")), .text(l.pick("区划名称", "region_name"))] + counts,
                            rows: r.byRegion.map { [.code($0.key), Self.regionName($0.key)] + Self.counts($0) }))
    }

    /// A line of the form: item, label, cumulative, in period, and the amount in the column
    /// of its unit (3.3 penalties in 万元; 3.5 and 3.9 in persons).
    static func row(_ line: DispatchReport.Line) -> [CSVWriter.Cell] {
        var cells: [CSVWriter.Cell] = [.code(line.item), .text(line.label), .integer(line.figure.cumulative), .integer(line.figure.inPeriod)]
        let inYuan = line.item == EnforcementAction.penalty.formItem
        let amount: CSVWriter.Cell = line.amount.map { .decimal($0) } ?? .empty
        cells += inYuan ? [amount, .empty] : [.empty, amount]
        return cells
    }

    static func counts(_ b: DispatchReport.Breakdown) -> [CSVWriter.Cell] {
        [.integer(b.major), .integer(b.majorRectified), .integer(b.general), .integer(b.generalRectified), .integer(b.overdue),
         .percent(b.rectificationRate)]
    }

    /// The report's region as code and name, or "all".
    static func regionCells(_ code: String?, language l: OutputLanguage) -> [CSVWriter.Cell] {
        guard let code else { return [.text(l.pick("全部", "all"))] }
        return [.code(code), regionName(code)]
    }

    static func regionName(_ code: String) -> CSVWriter.Cell {
        RegionTable.fullName(of: code).map { .text($0) } ?? .empty
    }

    /// The form as a CSV file: title, scope, then each table after a blank line.
    var csv: CSVWriter {
        var writer = CSVWriter()
        writer.append([.text(title)])
        for row in scope { writer.append(row) }
        for table in tables {
            writer.appendBlankLine()
            writer.append(table.header)
            for row in table.rows { writer.append(row) }
        }
        return writer
    }

    /// The form as text: the same layout, columns aligned by display width; a group heading
    /// stands on a line of its own.
    var text: String {
        var out = [title]
        out += scope.map { $0.map(CSVWriter.display).joined(separator: " ") }
        for table in tables {
            out.append("")
            var lines: [[String]] = [table.header.map(CSVWriter.display)]
            var headings: [Int: [String]] = [:]
            for row in table.rows {
                if row.count == 1 { headings[lines.count, default: []].append(CSVWriter.display(row[0])) } else { lines.append(row.map(CSVWriter.display)) }
            }
            for (i, line) in Table.trimmedRender(lines).enumerated() {
                out += headings[i] ?? []
                out.append(line)
            }
            out += headings[lines.count] ?? []
        }
        return out.joined(separator: "\n")
    }
}
