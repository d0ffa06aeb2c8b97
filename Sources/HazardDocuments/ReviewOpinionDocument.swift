import HazardCore
public import HazardLedger

/// 整改复查意见: for each hazard of an inspection that has been reviewed, what was rectified
/// (by whom, when, how), who verified it and when, the outcome (closed, or sent back), and the
/// seq and hash of the verifying event, so a printed page can be checked against the ledger
/// with `hazard ledger verify-chain --head SEQ:HASH`.
public struct ReviewOpinionDocument: Sendable {
    public var inspection: InspectionRecord
    public var trails: [VerificationTrail]

    /// - Throws: `DocumentError` `.nothingToDocument` when no hazard of the inspection has been
    ///   reviewed yet: a review opinion records a review.
    public init(inspection: InspectionRecord, trails: [VerificationTrail]) throws(DocumentError) {
        guard trails.contains(where: { $0.review != nil }) else {
            let what = trails.isEmpty ? "found no hazard" : "has no hazard verified or rejected yet"
            throw DocumentError(.nothingToDocument,
                                "inspection \(inspection.id) \(what); a review opinion (整改复查意见) records a review — verify or reject a hazard first (hazard ledger verify|reject ID)")
        }
        self.inspection = inspection
        self.trails = trails
    }

    public var title: String { "整改复查意见" }

    private var reviewed: [VerificationTrail] { trails.filter { $0.review != nil } }
    private var latestReview: ChainedEvent? { reviewed.compactMap(\.review).max { $0.seq < $1.seq } }

    public var number: DocumentNumber {
        let latest = latestReview
        return DocumentNumber(kind: .review, year: (latest?.day ?? inspection.date).components.year,
                              inspection: inspection.id.rawValue, event: latest?.seq)
    }

    public func html() -> String {
        let reference = "台账：检查 #\(inspection.id) · 事件 " + reviewed.compactMap { $0.review.map { "#\($0.seq)" } }.joined(separator: " ")
        return DocumentPage(kind: .review, title: title, number: number, ledgerReference: reference).render { page in
            let e = inspection.enterprise
            let year = inspection.date.components.year
            page.particulars([
                [("被检查单位", e.name, nil)],
                [("统一社会信用代码", e.uscc.rawValue, "mono"), ("所在地区", RegionTable.documentLabel(e.region), nil)],
                [("检查场所", inspection.site ?? "（全厂）", nil), ("原检查日期", inspection.date.chinese, nil)],
                [("整改通知书", DocumentNumber(kind: .notice, year: year, inspection: inspection.id.rawValue).description, nil),
                 ("检查记录", DocumentNumber(kind: .record, year: year, inspection: inspection.id.rawValue).description, nil)],
            ])
            page.element("h2", text: "复查情况（\(reviewed.count) 项）")
            for trail in reviewed { self.reviewed(&page, trail) }
            let pending = trails.filter { $0.review == nil }
            if !pending.isEmpty {
                page.element("h2", text: "尚未复查的隐患（\(pending.count) 项）")
                pendingTable(&page, pending)
            }
            page.element("h2", text: "复查结论")
            conclusion(&page, pending: pending.count)
            page.element("h2", text: "签名")
            page.element("div", [("class", "signatures")]) { box in
                for name in reviewers { box.signature(role: "复查人员", name: name) }
                box.signature(role: "被检查单位负责人", name: nil)
                box.element("p", [("class", "seal")], text: inspection.kind == .selfInspection ? "（单位安全管理部门盖章）" : "（复查单位盖章）")
            }
            page.howToCheck(reviewed.compactMap(\.review), what: "每项复查")
        }
    }

    /// Everyone who reviewed, in the order they first did, each once.
    private var reviewers: [String] {
        var seen = Set<String>(), names: [String] = []
        for event in reviewed.compactMap(\.review).sorted(by: { $0.seq < $1.seq }) where seen.insert(event.actor.name).inserted {
            names.append(event.actor.name)
        }
        return names
    }

    private func reviewed(_ page: inout HTMLWriter, _ trail: VerificationTrail) {
        let h = trail.hazard
        guard let review = trail.review else { return }
        page.element("div", [("class", "hazard"), ("data-hazard", String(h.id.rawValue)), ("data-event", String(review.seq))]) { box in
            box.element("p", [("class", "hazard-head")]) { head in
                head.element("span", [("class", "grade grade-\(h.grade.rawValue)")], text: h.grade == .major ? "重大事故隐患" : "一般事故隐患")
                head.text("隐患 #\(h.id)　\(h.title)")
            }
            box.element("dl") { dl in
                dl.element("dt", text: "条款")
                dl.element("dd", text: "\(h.clause)（\(h.criterion)）")
                dl.element("dt", text: "整改情况")
                dl.element("dd", text: rectification(trail))
                dl.element("dt", text: "复查")
                dl.element("dd", text: "\(review.actor.name)（\(review.actor.role)）于 \(review.day.chinese) 复查"
                           + (trail.reviewNote.map { "：\($0)" } ?? ""))
                dl.element("dt", text: "复查结果")
                dl.element("dd") { dd in
                    dd.element("strong", text: outcome(trail))
                }
                dl.element("dt", text: "复查事件")
                dl.element("dd", [("class", "hash")], text: "#\(review.seq)　\(review.hash)")
            }
        }
        page.newline()
    }

    private func rectification(_ trail: VerificationTrail) -> String {
        let s = trail.hazard.state
        guard let event = trail.rectified else { return "无整改记录" }
        let onTheSpot = s.rectifiedOnTheSpot ? "（立查立改）" : ""
        return "\(event.actor.name)于 \(event.day.chinese) 完成整改\(onTheSpot)" + (trail.rectificationNote.map { "：\($0)" } ?? "")
    }

    private func outcome(_ trail: VerificationTrail) -> String {
        if trail.isVerified {
            return "整改合格，予以销号" + (trail.hazard.state.closedOn.map { "（\($0.chinese)）" } ?? "")
        }
        let again = trail.awaitsReviewAgain ? "；已再次整改，待复查" : "，责令继续整改"
        return "整改不合格（第 \(trail.rejections) 次）" + again
    }

    private func pendingTable(_ page: inout HTMLWriter, _ pending: [VerificationTrail]) {
        page.element("table") { table in
            table.element("thead") { head in
                head.element("tr") { tr in for label in ["隐患", "条款", "事故隐患", "当前状态", "整改期限"] { tr.element("th", text: label) } }
            }
            table.element("tbody") { body in
                for trail in pending {
                    let h = trail.hazard
                    body.element("tr", [("data-hazard", String(h.id.rawValue))]) { tr in
                        tr.element("td", text: "#\(h.id)")
                        tr.element("td", text: h.clause)
                        tr.element("td", text: h.title)
                        tr.element("td", text: h.status.chinese)
                        tr.element("td", text: h.deadline?.chinese ?? "—")
                    }
                }
            }
        }
        page.newline()
    }

    private func conclusion(_ page: inout HTMLWriter, pending: Int) {
        let closed = reviewed.filter(\.isVerified).count
        let failed = reviewed.count - closed
        var parts = ["\(closed) 项隐患整改合格，予以销号"]
        if failed > 0 { parts.append("\(failed) 项复查不合格，责令继续整改") }
        if pending > 0 { parts.append("\(pending) 项尚未复查") }
        page.element("div", [("class", "summary")]) { box in
            box.element("p", text: "经复查，" + parts.joined(separator: "；") + "。")
        }
    }
}
