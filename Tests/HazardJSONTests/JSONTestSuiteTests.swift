import Foundation
import HazardJSON
import Testing

/// The JSONTestSuite parsing corpus (github.com/nst/JSONTestSuite), a copy of which lives in
/// `shared/testdata/JSONTestSuite/test_parsing/` beside the checkout. `HAZARD_JSON_TEST_SUITE`
/// overrides the folder.
enum JSONTestSuite {
    static let directory: URL? = {
        if let env = ProcessInfo.processInfo.environment["HAZARD_JSON_TEST_SUITE"] {
            return URL(fileURLWithPath: env)
        }
        // Tests/HazardJSONTests/<this file> → ../../../shared (the checkout's sibling).
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

@Suite("JSON reader against JSONTestSuite", .enabled(if: JSONTestSuite.directory != nil,
        "JSONTestSuite not found beside the checkout (../shared/testdata/JSONTestSuite/test_parsing) nor in HAZARD_JSON_TEST_SUITE; skipped"))
struct JSONTestSuiteTests {
    @Test("the suite is present and complete")
    func suitePresent() {
        #expect(JSONTestSuite.files("y_").count >= 95)
        #expect(JSONTestSuite.files("n_").count >= 188)
    }

    @Test("every y_ document is accepted and survives a write/read round trip", arguments: JSONTestSuite.files("y_"))
    func accepts(name: String) throws {
        let bytes = try JSONTestSuite.bytes(name)
        let value = try JSONReader.read(bytes)
        #expect(try JSONReader.read(JSONWriter.bytes(value)) == value)
    }

    @Test("every n_ document is rejected with an offset inside the document", arguments: JSONTestSuite.files("n_"))
    func rejects(name: String) throws {
        let bytes = try JSONTestSuite.bytes(name)
        let error = #expect(throws: JSONError.self) { try JSONReader.read(bytes) }
        let offset = try #require(error?.offset)
        #expect(offset >= 0 && offset <= bytes.count)
    }

    @Test("every i_ document is either read or rejected, never a crash", arguments: JSONTestSuite.files("i_"))
    func decides(name: String) throws {
        let bytes = try JSONTestSuite.bytes(name)
        do {
            _ = try JSONReader.read(bytes)
        } catch {
            #expect(error.offset <= bytes.count)
        }
    }
}
