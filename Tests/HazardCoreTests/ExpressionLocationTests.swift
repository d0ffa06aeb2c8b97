import HazardCore
import Testing

/// An error inside a condition is reported at the token in the file, however YAML wrote the
/// condition: folded (`>-`, 300 of them in the shipped checklists), literal (`|`), plain over
/// several lines, or quoted with escapes. Counting in the decoded text put it past the end of
/// the first line, or a few columns off.
@Suite("errors inside a condition point at the token in the file")
struct ExpressionLocationTests {
    static let head = """
        id: demo
        version: "1"
        sector: demo
        title: 示例检查表
        standard: {code: DEMO-1, title: 示例标准, issuer: 示例机关, effective: 2024-01-01}
        questions: [{id: a, label: 甲, type: boolean}, {id: t, label: 文, type: text}]
        criteria:
          - id: C1
            clause: "1"
            title: 甲
            grade: major

        """

    /// Line and column of `token` in the whole file, counted in characters as libyaml counts them.
    static func position(of token: String, in file: String) throws -> (line: Int, column: Int) {
        for (index, line) in file.components(separatedBy: "\n").enumerated() {
            if let range = line.range(of: token) { return (index + 1, line[..<range.lowerBound].count + 1) }
        }
        throw ChecklistTestFailure("no \(token) in the file")
    }

    struct ChecklistTestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    @Test("an unknown identifier is located where it is written", arguments: [
        "    hazard_when: >-\n      a and\n      nope\n",
        "    hazard_when: >-\n\n      a and\n      nope\n",
        "    hazard_when: |\n      a and\n        nope\n",
        "    hazard_when: a and\n      nope\n",
        "    hazard_when: \"a and\n      nope\"\n",
        "    hazard_when: \"t == \\\"中\\u4e2d\\\" and nope\"\n",
        "    hazard_when: 't == ''x'' and nope'\n",
        "    hazard_when: a and nope\n",
    ])
    func located(condition: String) throws {
        let file = Self.head + condition
        let found = diagnostics(file, header: false)
        let error = try #require(found.first { $0.code == .unknownIdentifier }, "\(found)")
        let expected = try Self.position(of: "nope", in: file)
        #expect(error.mark.line == expected.line && error.mark.column == expected.column,
                "reported \(error.mark.line):\(error.mark.column), written at \(expected.line):\(expected.column)")
    }
}
