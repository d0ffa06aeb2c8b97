import Foundation
import HazardJSON
import HazardTestSupport
import Testing

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
