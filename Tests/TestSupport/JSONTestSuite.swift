public import Foundation

/// The JSONTestSuite parsing corpus (github.com/nst/JSONTestSuite), a copy of which lives in
/// `shared/testdata/JSONTestSuite/test_parsing/` beside the checkout. `HAZARD_JSON_TEST_SUITE`
/// overrides the folder. Suites gate on `directory != nil`, so a missing corpus is a skip.
public enum JSONTestSuite {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "JSONTestSuite not found beside the checkout nor in HAZARD_JSON_TEST_SUITE" }
    }

    public static let directory: URL? = {
        if let env = ProcessInfo.processInfo.environment["HAZARD_JSON_TEST_SUITE"] {
            return URL(fileURLWithPath: env)
        }
        let candidate = PackageRoot.url.appendingPathComponent("../shared/testdata/JSONTestSuite/test_parsing").standardizedFileURL
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    /// The documents whose names start with `prefix` (`y_`, `n_`, `i_`), sorted; none when absent.
    public static func files(_ prefix: String) -> [String] {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }

    public static func bytes(_ name: String) throws -> [UInt8] {
        guard let directory else { throw Missing() }
        return [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}
