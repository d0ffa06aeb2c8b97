/// The one stylesheet every document shares: A4 pages, fonts a Chinese office machine has,
/// and page-break rules so a finding, a hazard or a signature block is never split.
///
/// No web fonts: a document must print the same with no network. The font stack names the
/// CJK fonts found on Chinese office machines (Windows: SimSun, FangSong, Microsoft YaHei;
/// macOS: Songti/PingFang; Linux: Noto/Source Han, WenQuanYi) and ends in the generic
/// family, so a printer always has a face for every character.
enum PrintStylesheet {
    static let serif = #""FangSong", "仿宋", "STFangsong", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif"#
    static let sans = #""Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "SimHei", "黑体", sans-serif"#
    static let mono = #""Noto Sans Mono CJK SC", "DejaVu Sans Mono", "Consolas", "Menlo", monospace"#

    /// The stylesheet for one document: `title` and `number` go in every page's top margin,
    /// "第 N 页 共 M 页" in the bottom one.
    static func css(title: String, number: String?) -> String {
        let head = number.map { "\(title)　\($0)" } ?? title
        return """
            @page {
              size: A4;
              margin: 22mm 18mm 20mm 22mm;
              @top-right { content: \(cssString(head)); font-family: \(sans); font-size: 8pt; color: #555; }
              @bottom-center { content: "第 " counter(page) " 页　共 " counter(pages) " 页"; font-family: \(sans); font-size: 8pt; color: #555; }
            }
            html { font-family: \(serif); font-size: 11pt; line-height: 1.55; color: #000; background: #fff; }
            body { margin: 0 auto; max-width: 170mm; padding: 8mm 0; }
            @media print { body { max-width: none; padding: 0; } }
            h1 { font-family: \(sans); font-size: 20pt; text-align: center; letter-spacing: 0.15em; margin: 0 0 2mm; }
            h2 { font-family: \(sans); font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 0.6pt solid #000; padding-bottom: 1mm;
                 break-after: avoid; page-break-after: avoid; }
            .doc-number { text-align: center; margin: 0 0 4mm; font-size: 10.5pt; }
            .doc-number .ledger-ref { color: #444; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 0.6pt solid #000; padding: 1.2mm 2mm; vertical-align: top; text-align: left; }
            th { font-family: \(sans); font-weight: bold; background: #f0f0f0; white-space: nowrap; }
            table.particulars th { width: 24mm; }
            thead { display: table-header-group; }
            tr, .finding, .hazard, .signatures, .signature, .summary, .notice-text, .how-to-check { break-inside: avoid; page-break-inside: avoid; }
            .finding, .hazard { border: 0.6pt solid #000; margin: 0 0 3mm; padding: 2mm 3mm; }
            .finding-head, .hazard-head { font-family: \(sans); font-weight: bold; margin: 0 0 1mm; }
            .grade { display: inline-block; border: 0.8pt solid #000; padding: 0 1.5mm; margin-right: 2mm; font-size: 9.5pt; }
            .grade-major { background: #000; color: #fff; }
            .finding dl, .hazard dl { margin: 0; display: grid; grid-template-columns: 22mm 1fr; gap: 0.5mm 2mm; }
            dt { font-family: \(sans); font-weight: bold; }
            dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
            ul.evidence { margin: 0; padding-left: 4mm; }
            .hash, .mono { font-family: \(mono); font-size: 8.5pt; overflow-wrap: anywhere; word-break: break-all; }
            .warning { border: 1pt solid #000; padding: 2mm 3mm; margin: 3mm 0; font-weight: bold; }
            .rating-red { color: #b00000; } .rating-orange { color: #c05a00; } .rating-yellow { color: #8a7000; } .rating-blue { color: #0040a0; }
            .checkbox { margin-right: 4mm; white-space: nowrap; }
            .blank { display: inline-block; min-width: 30mm; border-bottom: 0.6pt solid #000; }
            .notice-text { margin-top: 5mm; }
            .notice-text p { text-indent: 2em; margin: 0 0 2mm; }
            .notice-text p.addressee { text-indent: 0; font-weight: bold; }
            .signatures { margin-top: 8mm; }
            .signature { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 6mm; margin: 0 0 6mm; }
            .signature .line { border-bottom: 0.6pt solid #000; min-height: 9mm; }
            .seal { text-align: right; margin-top: 8mm; }
            .how-to-check { font-size: 9pt; border-top: 0.6pt solid #000; margin-top: 6mm; padding-top: 2mm; }
            .muted { color: #444; }
            table.others td:first-child { white-space: nowrap; }
            """
    }

    /// `text` as a CSS string literal, safe inside `<style>` in HTML and in XML: quotes and
    /// backslashes escaped, and `<`, `&` and line ends as CSS hex escapes.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "<": out += "\\3c "
            case "&": out += "\\26 "
            case ">": out += "\\3e "
            case "\n", "\r": out += "\\a "
            default: out.unicodeScalars.append(scalar.value < 0x20 ? " " : scalar)
            }
        }
        return out + "\""
    }
}
