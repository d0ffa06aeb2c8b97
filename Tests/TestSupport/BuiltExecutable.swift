public import Foundation

/// Finds an executable product SwiftPM built beside the test bundle (the `hazard` CLI, the
/// ledger's crash writer), so tests run the real binary instead of a function in-process.
public enum BuiltExecutable {
    /// The path of `name` in the test runner's own folder, the main bundle's, or `fallbacks`;
    /// nil when it is not built.
    public static func path(_ name: String, fallbacks: [URL] = []) -> String? {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var candidates = [exe.deletingLastPathComponent()]
        if let main = Bundle.main.executableURL { candidates.append(main.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for dir in candidates + fallbacks {
            let path = dir.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
