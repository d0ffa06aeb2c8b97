import ArgumentParser
import HazardDocuments
import HazardLedger

struct LedgerDocumentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Print a document to sign for an inspection: its record, rectification notice or review opinion (HTML or PDF).",
        discussion: """
            ID is the inspection's id (`hazard ledger record` prints it; `hazard ledger show HAZARD` names it as 检查 #ID).

            record: 现场检查记录 / 隐患排查记录: enterprise, site, date, kind, inspectors, checklist (standard, version, \
            SHA-256), every finding with clause, grade, evidence and advice, counts and rating, signature blocks.

            notice: 隐患整改通知书: the hazards to rectify, numbered by the ledger, with clause, grade, deadline and the \
            五落实 plan where recorded.

            review: 整改复查意见: what was rectified, who verified it and when, and the hash of each verifying event.

            Document numbers come from the ledger's ids (隐检记〔YEAR〕ID号, 隐改通〔YEAR〕ID号, 隐复查〔YEAR〕ID-SEQ号, SEQ \
            being the latest review event), so printing again gives the same number. Each page ends with the events it \
            comes from and `hazard ledger verify-chain --head SEQ:HASH`, which checks that the ledger still holds them.

            The HTML is self-contained (no fonts or anything else fetched; A4 print CSS). --pdf prints it through \
            headless Chromium (`apt-get install chromium`; fonts-noto-cjk for Chinese text on a machine without CJK fonts).
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case record, notice, review
        var document: DocumentKind {
            switch self {
            case .record: return .record
            case .notice: return .notice
            case .review: return .review
            }
        }
    }

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "Inspection id.") var id: Int64
    @Option(help: "record, notice or review.") var kind: Kind
    @Option(help: ArgumentHelp("Write the HTML to this file instead of stdout.", valueName: "file")) var output: String?
    @Option(help: ArgumentHelp("Print to this PDF file through headless Chromium.", valueName: "file")) var pdf: String?

    func run() async throws {
        try await runLedgerAction {
            let html: String
            do {
                html = try await LedgerDocuments.html(kind.document, inspection: InspectionID(id), in: ledger.open(.existing))
            } catch let error as DocumentError {
                printError(error.description)
                throw ExitCode(1)
            }
            if let output { try DocumentPrinting.writeHTML(html, to: output) }
            if let pdf { try DocumentPrinting.writePDF(html, to: pdf) }
            if output == nil && pdf == nil { print(html, terminator: "") }
        }
    }
}
