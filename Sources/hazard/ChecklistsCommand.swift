import ArgumentParser
import HazardCore

struct ChecklistsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklists",
        abstract: "List the checklists: id, sector, standard, version, criteria, items encoded, status.",
        discussion: """
            ITEMS is the standard's items that criteria encode over the items it declares \
            (standard.items); items whose text the reference lacks are counted apart. STATUS says \
            whether the standard is in force, and what replaced it and whether we encode that.
            """
    )

    @OptionGroup var options: ChecklistOptions

    func run() throws {
        let checklists = try options.load().sorted { ($0.sector, $0.id) < ($1.sector, $1.id) }
        var rows = [["ID", "SECTOR", "STANDARD", "VERSION", "CRITERIA", "MANUAL", "ITEMS", "TESTS", "STATUS"]]
        for c in checklists {
            rows.append([c.id.rawValue, c.sector, c.standard.code, c.version, String(c.criterionCount), String(c.manualCount),
                         c.coverage.summary, String(c.tests.count), Self.status(c.standard)])
        }
        for line in Table.render(rows) { print(line) }
    }
}

extension ChecklistsCommand {
    /// "in force", or since when it is superseded, by what, and whether that is encoded here.
    static func status(_ standard: StandardInfo) -> String {
        guard let until = standard.validUntil else { return "in force" }
        guard let successor = standard.supersededBy else { return "superseded after \(until)" }
        let encoded = standard.successor.map { "checklist \($0)" } ?? "its items not encoded"
        return "superseded after \(until) by \(successor) (\(encoded))"
    }
}

/// Left-aligned columns, width by display cells (CJK characters take two).
enum Table {
    static func render(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cells(cell)) } }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cells(cell) + 2)
            }.joined()
        }
    }

    static func cells(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 && ($1.value <= 0x115F || (0x2E80...0xFFDC).contains($1.value)) ? 2 : 1) }
    }
}
