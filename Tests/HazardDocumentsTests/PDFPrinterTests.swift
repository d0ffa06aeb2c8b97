import Foundation
import HazardDocuments
import Testing

@Suite("printing to PDF")
struct PDFPrinterTests {
    @Test("with no browser on PATH the error says how to install one")
    func missingBrowser() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("hazard-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let error = #expect(throws: DocumentError.self) { try PDFPrinter.find(searchPath: empty.path) }
        #expect(error?.code == .browserMissing)
        #expect(error?.message.contains("apt-get install chromium") == true)
    }

    @Test("a browser that writes no PDF is a failure naming the output, and leaves no file behind")
    func browserWritesNothing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hazard-fake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fake = dir.appendingPathComponent("chromium")
        try Data("#!/bin/sh\necho 'no display' >&2\nexit 3\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let printer = try PDFPrinter.find(searchPath: dir.path)
        #expect(printer.browser == fake.path)
        let output = dir.appendingPathComponent("out.pdf").path
        let error = #expect(throws: DocumentError.self) { try printer.print(html: "<html/>", to: output) }
        #expect(error?.code == .printFailed)
        #expect(error?.path == output)
        #expect(error?.message.contains("no display") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["chromium"])
    }

    @Test("a browser that hangs is stopped at the time limit")
    func browserHangs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hazard-hang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fake = dir.appendingPathComponent("chromium")
        try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let printer = PDFPrinter(browser: fake.path, timeout: 0.5)
        let error = #expect(throws: DocumentError.self) { try printer.print(html: "<html/>", to: dir.appendingPathComponent("x.pdf").path) }
        #expect(error?.code == .printTimedOut)
    }
}
