public import HazardCore

/// One lifecycle event as the state machine sees it: what changed, who did it, on what day.
public struct HazardEvent: Hashable, Sendable {
    public var change: LifecycleChange
    public var actor: Person
    /// The civil day the change took effect (rectification day, verification day…).
    public var day: Day
    /// The UTC day the ledger wrote the event (its clock's "today"); `day` may not be later
    /// than the day after it. Nil when unknown (a hand-built replay), which skips that rule.
    public var recordedOn: Day?

    public init(_ change: LifecycleChange, by actor: Person, on day: Day, recordedOn: Day? = nil) {
        self.change = change
        self.actor = actor
        self.day = day
        self.recordedOn = recordedOn
    }
}
