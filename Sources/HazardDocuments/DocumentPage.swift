/// The frame every document shares: the head (charset, a content policy that forbids every
/// fetch, the print stylesheet), then the title and number, then the kind's own body.
struct DocumentPage {
    var kind: DocumentKind
    var title: String
    /// Nil for a record printed before it is in the ledger (`hazard evaluate`).
    var number: DocumentNumber?
    /// Which ledger rows the document comes from, e.g. `台账：检查 #12 · 隐患 #17 #18`.
    var ledgerReference: String?

    func render(_ body: (inout HTMLWriter) -> Void) -> String {
        var html = HTMLWriter()
        html.trusted("<!DOCTYPE html>\n")
        html.element("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "zh-CN")]) { html in
            html.element("head") { head in
                head.void("meta", [("charset", "utf-8")])
                // Self-contained: nothing may be fetched, even if a future edit adds a link.
                head.void("meta", [("http-equiv", "Content-Security-Policy"), ("content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")])
                head.void("meta", [("name", "generator"), ("content", "hazard")])
                head.void("meta", [("name", "document-kind"), ("content", kind.rawValue)])
                head.element("title", text: number.map { "\(title) \($0)" } ?? title)
                head.element("style") { $0.trusted(PrintStylesheet.css(title: title, number: number?.description)) }
            }
            html.newline()
            html.element("body", [("class", "doc-\(kind.rawValue)")]) { page in
                page.element("header", [("class", "doc-head")]) { head in
                    head.element("h1", text: title)
                    head.element("p", [("class", "doc-number")]) { p in
                        p.text("编号：")
                        p.element("span", [("class", "number")], text: number?.description ?? "（未入台账）")
                        if let ledgerReference {
                            p.text("　")
                            p.element("span", [("class", "ledger-ref")], text: ledgerReference)
                        }
                    }
                }
                page.newline()
                body(&page)
                page.newline()
            }
        }
        html.newline()
        return html.output
    }
}
