import Foundation
import HazardCore
import HazardJSON
import HazardLedger

/// The dispatch report as the form (text or CSV, both laid out by `DispatchForm`) or as JSON.
enum DispatchRenderer {
    static func render(_ r: DispatchReport, format: ReportDispatchCommand.Format, language: OutputLanguage = .zh) throws -> String {
        switch format {
        case .json:
            return r.jsonValue.prettyText
        case .csv:
            return DispatchForm(r, language: language).csv.text
        case .text:
            return DispatchForm(r, language: .zh).text
        }
    }

    /// Prints the report: CSV byte for byte (BOM, CRLF), the others as lines.
    static func write(_ r: DispatchReport, format: ReportDispatchCommand.Format, language: OutputLanguage) throws {
        if format == .csv {
            DispatchForm(r, language: language).csv.write()
        } else {
            print(try render(r, format: format, language: language))
        }
    }
}
