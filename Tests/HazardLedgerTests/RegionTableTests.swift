import Foundation
import HazardLedger
import Testing

@Suite("GB/T 2260 region names (行政区划代码)")
struct RegionTableTests {
    static let csvURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HazardLedgerTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Sources/HazardLedger/Regions/gb2260-regions.csv")

    /// The data file's rows (`code,name`), its `#` header lines skipped.
    static func fileRows() throws -> (header: [String], rows: [RegionName]) {
        let text = try String(contentsOf: csvURL, encoding: .utf8)
        var comments: [String] = []
        var rows: [RegionName] = []
        var sawColumns = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") { comments.append(String(line)); continue }
            if line.isEmpty { continue }
            if !sawColumns {
                #expect(line == "code,name", "gb2260-regions.csv:\(index + 1): header")
                sawColumns = true
                continue
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            try #require(fields.count == 2, "gb2260-regions.csv:\(index + 1): \(fields.count) fields, want 2")
            rows.append(RegionName(code: fields[0], name: fields[1]))
        }
        return (comments, rows)
    }

    @Test("the embedded table equals the data file row by row")
    func embeddedEqualsFile() throws {
        let file = try Self.fileRows()
        #expect(file.rows.count == RegionTable.regions.count)
        for (fromFile, embedded) in zip(file.rows, RegionTable.regions) {
            #expect(fromFile == embedded)
        }
    }

    @Test("the data file says where its rows come from and when they were checked")
    func fileNamesSourceAndDate() throws {
        let header = try Self.fileRows().header.joined(separator: "\n")
        #expect(header.contains("民政部"))
        #expect(header.contains("GB/T 2260"))
        #expect(header.contains("2026-12-07"))
    }

    @Test("codes are six digits, in order, once each, and every one's province and prefecture are listed")
    func parentsPresent() {
        let codes = RegionTable.regions.map(\.code)
        #expect(codes == codes.sorted() && Set(codes).count == codes.count)
        for region in RegionTable.regions {
            #expect(region.code.count == 6 && region.code.allSatisfy(\.isASCII) && Int(region.code) != nil)
            if let province = region.provinceCode { #expect(RegionTable.region(province) != nil, "\(region.code)'s province \(province)") }
            if let prefecture = region.prefectureCode { #expect(RegionTable.region(prefecture) != nil, "\(region.code)'s prefecture \(prefecture)") }
        }
    }

    @Test("a code shows with the name an official writes", arguments: [
        ("320102", "320102 南京市玄武区"),
        ("320581", "320581 苏州市常熟市"),
        ("320500", "320500 江苏省苏州市"),
        ("320000", "320000 江苏省"),
        ("110101", "110101 北京市东城区"),   // 市辖区 is a placeholder level, skipped
        ("310100", "310100 上海市市辖区"),
        ("999999", "999999"),                // unknown: the bare code, nothing guessed
        ("320599", "320599"),
    ])
    func labels(code: String, label: String) {
        #expect(RegionTable.label(code) == label)
    }
}
