import Foundation
@testable import HazardDocuments
import Testing

@Suite("escaping, written once")
struct EscapingTests {
    @Test("markup characters become references and characters XML forbids become U+FFFD", arguments: [
        ("a & b", "a &amp; b"),
        ("<script>", "&lt;script&gt;"),
        ("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"),
        ("bell\u{7}nul\u{0}", "bell\u{FFFD}nul\u{FFFD}"),
        ("tab\tnewline\n", "tab\tnewline\n"),
        ("\u{FFFE}", "\u{FFFD}"),
        ("安全生产 ≥ 60", "安全生产 ≥ 60"),
    ])
    func escapes(input: String, expected: String) {
        #expect(HTMLWriter.escaped(input) == expected)
    }

    @Test("a CSS string cannot close the style element or the string")
    func cssString() {
        let css = PrintStylesheet.cssString("</style>\"\\ & x\ny")
        // Inside the literal every quote is escaped: drop escaped backslashes, then escaped quotes.
        let inner = String(css.dropFirst().dropLast()).replacingOccurrences(of: "\\\\", with: "").replacingOccurrences(of: "\\\"", with: "")
        #expect(!inner.contains("\""))
        #expect(!css.contains("<") && !css.contains("&") && !css.contains("\n"))
        #expect(css.hasPrefix("\"") && css.hasSuffix("\""))
    }

    @Test("document numbers come from the ledger's ids", arguments: [
        (DocumentNumber(kind: .record, year: 2026, inspection: 12), "隐检记〔2026〕12号"),
        (DocumentNumber(kind: .notice, year: 2026, inspection: 12), "隐改通〔2026〕12号"),
        (DocumentNumber(kind: .review, year: 2027, inspection: 12, event: 58), "隐复查〔2027〕12-58号"),
    ])
    func numbers(number: DocumentNumber, expected: String) {
        #expect(number.description == expected)
    }
}
