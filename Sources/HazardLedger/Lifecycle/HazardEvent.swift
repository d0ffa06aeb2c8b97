public import HazardCore

/// One lifecycle event as the state machine sees it: what changed, who did it, on what day.
public struct HazardEvent: Hashable, Sendable, Codable {
    public var change: LifecycleChange
    public var actor: Person
    /// The civil day the change took effect (rectification day, verification day…).
    public var day: Day

    public init(_ change: LifecycleChange, by actor: Person, on day: Day) {
        self.change = change
        self.actor = actor
        self.day = day
    }
}
