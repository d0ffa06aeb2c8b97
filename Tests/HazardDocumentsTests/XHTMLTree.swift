import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A document parsed with a strict XML parser (libxml2 through `XMLParser`, no recovery): the
/// documents are written in XHTML syntax, so any unbalanced tag, unescaped `&` or `<`, or
/// character XML forbids makes parsing fail. A lenient HTML parser (python's html.parser,
/// a browser) would repair exactly the mistakes these tests are looking for.
final class XHTMLTree: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""
        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// All text inside, in document order.
        var allText: String { text + children.map(\.allText).joined() }

        /// Every element below (and including) this one, depth first.
        var descendants: [Element] { [self] + children.flatMap(\.descendants) }

        func all(_ name: String) -> [Element] { descendants.filter { $0.name == name } }
        func withAttribute(_ attribute: String) -> [Element] { descendants.filter { $0.attributes[attribute] != nil } }
    }

    private(set) var root: Element?
    private var stack: [Element] = []

    /// Parses `html`, failing the test (at the caller) with the parser's line and message when
    /// it is not well formed.
    static func parse(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Element {
        let tree = XHTMLTree()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = tree
        let ok = parser.parse()
        let detail = parser.parserError.map { "line \(parser.lineNumber), column \(parser.columnNumber): \($0)" } ?? "no error reported"
        try #require(ok, "not well formed: \(detail)", sourceLocation: sourceLocation)
        return try #require(tree.root, sourceLocation: sourceLocation)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        let element = Element(name: name, attributes: attributes)
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
