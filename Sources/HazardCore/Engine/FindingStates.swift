/// What an inspection changes in each finding: per criterion, in `Checklist.findingTemplates`
/// order, its status and the values of its evidence. With the templates this is exactly
/// `Evaluation.findings` (`findings(_:detail:)`); serialisers that pre-encode the templates'
/// text write a result from these without building `Finding`s.
public struct FindingStates: Sendable, Hashable {
    public let statuses: [FindingStatus]
    /// Evidence values of every criterion, one after another (nil: unanswered).
    let values: [Value?]
    /// Where each criterion's values start in `values`; one extra entry closes the last.
    let starts: [Int]

    init(statuses: [FindingStatus], values: [Value?], starts: [Int]) {
        self.statuses = statuses
        self.values = values
        self.starts = starts
    }

    /// The evidence values of criterion `index`, in its template's evidence order.
    public func values(of index: Int) -> ArraySlice<Value?> { values[starts[index]..<starts[index + 1]] }

    /// The findings `Engine.evaluate` builds at `detail`, from the checklist's templates.
    public func findings(_ templates: [Finding], detail: Evaluation.Detail) -> [Finding] {
        guard detail != .summary else { return [] }
        var findings: [Finding] = []
        findings.reserveCapacity(detail == .full ? templates.count : 8)
        for index in templates.indices where detail == .full || statuses[index].isHazard {
            var finding = templates[index]
            finding.status = statuses[index]
            for (k, value) in values(of: index).enumerated() { finding.evidence[k].value = value }
            findings.append(finding)
        }
        return findings
    }
}
