extension ChainedEvent {
    /// The lifecycle change this event records, read back from its kind and payload; nil for
    /// events that are not a hazard's (an inspection or enterprise event) or do not decode.
    public var change: LifecycleChange? { LifecycleChange.decode(kind: kind, payload: payload) }
}
