public import HazardCore
public import HazardJSON

extension HazardDetail {
    /// A hazard with its audit trail: what `hazards.get` returns and `hazard ledger show
    /// --format json` prints.
    ///
    /// - Parameter today: the day `overdue` is judged on.
    public func jsonValue(today: Day) -> JSONValue {
        .object(["hazard": hazard.jsonValue(today: today), "events": .array(events.map(\.jsonValue))])
    }
}

extension Hazard {
    /// A list of hazards: what `hazards.list` returns and `hazard ledger list` / `hazard report
    /// hazards --format json` print.
    public static func listJSON(_ hazards: [Hazard], today: Day) -> JSONValue {
        .object(["hazards": .array(hazards.map { $0.jsonValue(today: today) })])
    }
}
