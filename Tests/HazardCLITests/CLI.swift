import Foundation
import HazardTestSupport
import Testing

/// Runs the real `hazard` binary, built beside the test bundle, the way a user would: CLI tests
/// check what a person sees (exit status, stdout, stderr), not internal functions.
struct CLI {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (the folder holding Package.swift), so tests can name shipped files.
    static let packageRoot = PackageRoot.url

    /// The `hazard` executable beside the test bundle (or in .build/debug), nil when not built.
    static let binary = BuiltExecutable.path("hazard", fallbacks: [packageRoot.appendingPathComponent(".build/debug")])

    /// Runs `hazard arguments…` in `directory` (default: the package root) with `environment`
    /// added to this process's (less the `HAZARD_*` variables, so a developer's own settings
    /// cannot change what a test sees), feeding `input` on stdin. `executable` runs another
    /// copy of the binary (e.g. one placed in an install layout).
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        input: String? = nil, executable: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        let path = try executable ?? #require(binary, "hazard is not built beside the tests", sourceLocation: sourceLocation)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HAZARD_") }.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder, removed after `body`.
    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hazard-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }
}
