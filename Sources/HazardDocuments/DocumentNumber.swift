/// A document's number, derived from ledger ids so it is stable (printing again gives the
/// same number) and checkable (the number names the rows to look up):
/// `隐检记〔2026〕12号` is the record of inspection 12 dated 2026, `隐改通〔2026〕12号` the
/// notice for it, and `隐复查〔2026〕12-58号` the review of it up to event 58, the latest
/// verification (or rejection) it reports.
public struct DocumentNumber: Hashable, Sendable, CustomStringConvertible {
    public var kind: DocumentKind
    public var year: Int
    public var inspection: Int64
    /// For a review: the seq of the latest event it reports.
    public var event: Int64?

    public var description: String {
        "\(kind.numberPrefix)〔\(year)〕\(inspection)\(event.map { "-\($0)" } ?? "")号"
    }
}
