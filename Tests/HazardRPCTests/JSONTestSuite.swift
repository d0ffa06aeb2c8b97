import Foundation
import Testing

/// The JSONTestSuite parsing corpus (github.com/nst/JSONTestSuite), a copy of which lives in
/// `shared/testdata/JSONTestSuite/test_parsing/` beside the checkout. `HAZARD_JSON_TEST_SUITE`
/// overrides the folder. (HazardJSONTests has the same locator: test targets share no sources.)
enum JSONTestSuite {
    static let directory: URL? = {
        if let env = ProcessInfo.processInfo.environment["HAZARD_JSON_TEST_SUITE"] {
            return URL(fileURLWithPath: env)
        }
        // Tests/HazardRPCTests/<this file> → ../../../shared (the checkout's sibling).
        let candidate = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/testdata/JSONTestSuite/test_parsing").standardizedFileURL
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    static func files(_ prefix: String) -> [String] {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        let directory = try #require(directory)
        return [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}
