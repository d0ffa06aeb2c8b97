import Foundation

/// Prints a document's HTML to PDF through headless Chromium, the browser a Debian machine
/// gets with `apt-get install chromium`. The page is loaded from a temporary file with no
/// network (the document itself forbids every fetch), in a throw-away profile, under a time
/// limit; the PDF is written beside the output and moved into place only when complete.
public struct PDFPrinter: Sendable {
    /// Executable names tried on `PATH`, in order.
    public static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    public static let installHint = "install it with: apt-get install chromium (Debian/Ubuntu), or put chromium, chromium-browser or google-chrome on PATH"

    /// The browser's path.
    public var browser: String
    /// How long one print may take, in seconds, start-up included.
    public var timeout: Double

    public init(browser: String, timeout: Double = 120) {
        self.browser = browser
        self.timeout = timeout
    }

    /// The first browser of `browserNames` on `searchPath` (default: this process's `PATH`).
    ///
    /// - Throws: `DocumentError` `.browserMissing`, saying how to install one.
    public static func find(searchPath: String? = nil) throws(DocumentError) -> PDFPrinter {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in browserNames {
            for dir in path.split(separator: ":") where !dir.isEmpty {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return PDFPrinter(browser: candidate) }
            }
        }
        throw DocumentError(.browserMissing, "printing to PDF needs headless Chromium, and none of \(browserNames.joined(separator: ", ")) is on PATH; \(installHint)")
    }

    /// Prints `html` to a PDF at `output`.
    ///
    /// - Throws: `DocumentError` `.writeFailed`, `.printFailed` (with the browser's last words),
    ///   `.printTimedOut`.
    public func print(html: String, to output: String) throws(DocumentError) {
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("hazard-print-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: work) }
        let page = work.appendingPathComponent("document.html")
        let profile = work.appendingPathComponent("profile")
        let log = work.appendingPathComponent("browser.log")
        let outputURL = URL(fileURLWithPath: output)
        let partial = outputURL.deletingLastPathComponent().appendingPathComponent(".\(outputURL.lastPathComponent).\(UUID().uuidString).partial")
        do {
            try fm.createDirectory(at: profile, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
            _ = fm.createFile(atPath: log.path, contents: nil)
        } catch {
            throw DocumentError(.writeFailed, "cannot prepare the page to print: \(error.localizedDescription)", path: work.path)
        }
        defer { try? fm.removeItem(at: partial) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        // --no-sandbox: containers (CI) run as root without user namespaces, where Chromium's
        // sandbox cannot start. The page is our own file and nothing is fetched.
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--print-to-pdf=\(partial.path)", page.absoluteString,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = work.path  // a writable home even where $HOME is not
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let logHandle: FileHandle
        do { logHandle = try FileHandle(forWritingTo: log) } catch {
            throw DocumentError(.writeFailed, "cannot open the browser's log: \(error.localizedDescription)", path: log.path)
        }
        defer { try? logHandle.close() }
        process.standardError = logHandle
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do { try process.run() } catch {
            throw DocumentError(.printFailed, "cannot start \(browser): \(error.localizedDescription); \(Self.installHint)", path: output)
        }
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL); exited.wait() }
            throw DocumentError(.printTimedOut, "\(browser) did not finish printing within \(Int(timeout)) s", path: output)
        }
        let pdf = (try? Data(contentsOf: partial)) ?? Data()
        guard process.terminationStatus == 0, pdf.starts(with: Array("%PDF-".utf8)) else {
            let words = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let tail = words.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw DocumentError(.printFailed, "\(browser) exited with status \(process.terminationStatus) and wrote no PDF" + (tail.isEmpty ? "" : ":\n\(tail)"), path: output)
        }
        do {
            if fm.fileExists(atPath: outputURL.path) { try fm.removeItem(at: outputURL) }
            try fm.moveItem(at: partial, to: outputURL)
        } catch {
            throw DocumentError(.writeFailed, "cannot write the PDF: \(error.localizedDescription)", path: output)
        }
    }
}
