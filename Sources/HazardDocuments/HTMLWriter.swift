/// Builds the documents' HTML. Every piece of text and every attribute value goes through
/// `escaped`, the one place escaping is written; element and attribute names are always
/// constants of this module, never input.
///
/// The output is also well-formed XML (XHTML syntax: void elements self-closed, only the five
/// XML entities, no characters XML forbids), so a strict XML parser can check a document and
/// an editor or archive tool that reads XHTML can take it as it is.
struct HTMLWriter {
    private(set) var output = ""

    init(capacity: Int = 16_384) { output.reserveCapacity(capacity) }

    /// Text content, escaped.
    mutating func text(_ text: String) { output += Self.escaped(text) }

    /// Markup this module wrote itself (the doctype, the stylesheet). Never input.
    mutating func trusted(_ markup: String) { output += markup }

    /// `<name attributes…>content</name>`.
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String)] = [], _ content: (inout HTMLWriter) -> Void) {
        open(name, attributes)
        content(&self)
        output += "</\(name)>"
    }

    /// `<name attributes…>text</name>`, the text escaped.
    mutating func element(_ name: StaticString, _ attributes: [(StaticString, String)] = [], text: String) {
        element(name, attributes) { $0.text(text) }
    }

    /// A void element, self-closed: `<name attributes…/>`.
    mutating func void(_ name: StaticString, _ attributes: [(StaticString, String)] = []) {
        output += "<\(name)"
        appendAttributes(attributes)
        output += "/>"
    }

    /// A line break between blocks, so the source reads well; no effect on layout.
    mutating func newline() { output += "\n" }

    private mutating func open(_ name: StaticString, _ attributes: [(StaticString, String)]) {
        output += "<\(name)"
        appendAttributes(attributes)
        output += ">"
    }

    private mutating func appendAttributes(_ attributes: [(StaticString, String)]) {
        for (name, value) in attributes { output += " \(name)=\"\(Self.escaped(value))\"" }
    }

    /// `text` safe in element content and in double- or single-quoted attribute values, in
    /// HTML and in XML: `& < > " '` become references, and characters XML 1.0 does not allow
    /// (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF) become U+FFFD,
    /// so hostile input can neither add markup nor make the document unreadable.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(isAllowedInXML(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return String(out)
    }

    private static func needsWork(_ s: Unicode.Scalar) -> Bool {
        s == "&" || s == "<" || s == ">" || s == "\"" || s == "'" || !isAllowedInXML(s)
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    private static func isAllowedInXML(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
