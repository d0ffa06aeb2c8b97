import ArgumentParser
import HazardCore
import HazardLedger

/// Filters of `ledger list` and `report hazards`.
struct HazardListOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    @Flag(help: "Include closed hazards.") var all = false
    @Option(help: "major or general.") var grade: String?
    @Option(help: "Status: reported, rectifying, rectified, closed (repeatable).") var status: [String] = []
    @Option(help: "Source: self, department, supervision, public_report.") var source: String?
    @Option(help: "Region code; 320500 means the whole city.") var region: String?
    @Option(help: "Sector.") var sector: String?
    @Option(help: "Enterprise's unified social credit code.") var enterprise: String?
    @Option(help: "Only hazards overdue as of this date (YYYY-MM-DD).") var overdueAsOf: String?
    @Flag(help: "Only hazards under supervision (挂牌督办).") var supervised = false
    @Option(help: "Only this checklist.") var checklist: String?
    @Option(help: "With --checklist: only hazards recorded with another version (re-grading).") var notVersion: String?
    @Option(help: "At most this many rows.") var limit = 1000
    @Option(help: "Output format: text, json or csv.") var format: Format = .text
    @Option(help: "CSV headers and values: zh (Chinese, for Excel/WPS) or en (the ledger's codes).") var lang: OutputLanguage = .zh
    @Flag(help: "Text: show every column in full (default: fit 120 columns, long names elided with …).") var wide = false

    /// The layout `--lang` and `--wide` ask for.
    var layout: HazardListRenderer.Layout { HazardListRenderer.Layout(language: lang, wide: wide) }

    func filter() throws -> HazardFilter {
        var statuses: [HazardStatus] = []
        for s in status {
            guard let value = HazardStatus(rawValue: s) else { throw ValidationError("--status must be one of reported, rectifying, rectified, closed, not '\(s)'") }
            statuses.append(value)
        }
        var grade: Grade?
        if let g = self.grade {
            guard let value = Grade(rawValue: g) else { throw ValidationError("--grade must be major or general, not '\(g)'") }
            grade = value
        }
        var source: InspectionKind?
        if let s = self.source {
            guard let value = InspectionKind(rawValue: s) else { throw ValidationError("--source must be self, department, supervision or public_report, not '\(s)'") }
            source = value
        }
        return HazardFilter(openOnly: !all, statuses: statuses.isEmpty ? nil : statuses, grade: grade, source: source, region: region, sector: sector,
                            enterprise: try enterprise.map(LedgerOptions.uscc), overdueAsOf: try overdueAsOf.map { try LedgerOptions.day($0, "--overdue-as-of") },
                            supervisedOnly: supervised, checklist: checklist.map(ChecklistID.init(rawValue:)), checklistVersionOtherThan: notVersion, limit: limit)
    }
}
