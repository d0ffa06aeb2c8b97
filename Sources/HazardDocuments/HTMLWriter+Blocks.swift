import HazardLedger

/// Blocks several documents use, written once.
extension HTMLWriter {
    /// A table of particulars, two label/value pairs a row; a nil value prints a blank line to
    /// fill in by hand. A pair whose label starts a row alone spans the row (`wide`).
    mutating func particulars(_ rows: [[(label: String, value: String?, className: String?)]]) {
        element("table", [("class", "particulars")]) { table in
            table.element("tbody") { body in
                for row in rows {
                    body.element("tr") { tr in
                        for cell in row {
                            tr.element("th", text: cell.label)
                            var attributes: [(StaticString, String)] = []
                            if row.count == 1 { attributes.append(("colspan", "3")) }
                            if let className = cell.className { attributes.append(("class", className)) }
                            tr.element("td", attributes) { td in
                                if let value = cell.value { td.text(value) } else { td.blank() }
                            }
                        }
                    }
                }
            }
        }
        newline()
    }

    /// A line to write on.
    mutating func blank() { element("span", [("class", "blank")], text: "") }

    /// The kinds of inspection as check boxes, `selected` ticked (none when not known).
    mutating func kindCheckboxes(_ selected: InspectionKind?) -> Void {
        for kind in InspectionKind.allCases {
            element("span", [("class", "checkbox")], text: (kind == selected ? "☑" : "☐") + kind.chinese)
        }
    }

    /// One signature block: who signs, in what capacity, a line for the signature and the date.
    mutating func signature(role: String, name: String?) {
        element("div", [("class", "signature")]) { block in
            block.element("div") { d in
                d.text(role + "：")
                if let name { d.element("span", [("class", "signer")], text: name) } else { d.blank() }
            }
            block.element("div") { d in d.text("签名：") }
            block.element("div", [("class", "line")]) { _ in }
            block.element("div") { d in d.text("日期：　　　　年　　月　　日") }
        }
    }

    /// How to check a printed page against the ledger: the event's seq and full hash and the
    /// command that compares them (`verify-chain --head SEQ:HASH` names the event and says
    /// whether its hash is the one printed, and whether the whole chain is intact).
    mutating func howToCheck(_ events: [ChainedEvent], what: String) {
        element("div", [("class", "how-to-check")]) { box in
            box.element("p") { p in
                p.text("核验：\(what)在台账中的事件及其哈希（SHA-256）如下。在台账所在机器上运行下列命令，"
                       + "输出“event N has hash … as given”且无错误，即本页与台账一致、台账未被篡改：")
            }
            for event in events {
                box.element("p", [("class", "mono hash")]) { p in
                    p.text("事件 \(event.seq)（\(event.kind)，\(event.day)）：\(event.hash)")
                }
                box.element("p", [("class", "mono")], text: "hazard ledger verify-chain --head \(event.seq):\(event.hash)")
            }
        }
        newline()
    }
}
