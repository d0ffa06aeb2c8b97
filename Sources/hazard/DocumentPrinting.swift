import ArgumentParser
import Foundation
import HazardDocuments

/// Writes a document's HTML to a file, or prints it to PDF; errors as `FILE: error: …` on
/// stderr with exit 1, and a note naming the file written.
enum DocumentPrinting {
    static func writeHTML(_ html: String, to path: String) throws {
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            printError(DocumentError(.writeFailed, "cannot write the document: \(error.localizedDescription)", path: path).description)
            throw ExitCode(1)
        }
        printError("wrote \(path)")
    }

    static func writePDF(_ html: String, to path: String) throws {
        do {
            try PDFPrinter.find().print(html: html, to: path)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
        printError("wrote \(path)")
    }
}
