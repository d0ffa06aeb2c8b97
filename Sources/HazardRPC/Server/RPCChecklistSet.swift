public import HazardCore

/// One loaded set of checklists, as `hazard serve` grades with it: replaced whole by a reload
/// (`RPCChecklistCatalog`), never changed in place.
///
/// `checklists` is the set as loaded; `copy` compiles the same files again into checklists
/// that share no storage with it, one copy per event loop (see `EventLoopLocal` for why).
public struct RPCChecklistSet: Sendable {
    /// Sorted by id.
    public let checklists: [Checklist]
    /// Everything the load reported: errors (a reload with any is refused) and warnings.
    public let diagnostics: [Diagnostic]
    /// 1 for the set loaded at start, one more for each reload that replaced it.
    public internal(set) var generation: Int
    private let makeCopy: @Sendable () -> [Checklist]

    /// - Parameters:
    ///   - copy: the same checklists compiled again from the bytes they were loaded from
    ///     (`ChecklistLoader.reloaded`); by default the set itself is shared.
    public init(checklists: [Checklist], diagnostics: [Diagnostic] = [], generation: Int = 1,
                copy: (@Sendable () -> [Checklist])? = nil) {
        let sorted = checklists.sorted { $0.id < $1.id }
        self.checklists = sorted
        self.diagnostics = diagnostics
        self.generation = generation
        self.makeCopy = copy ?? { sorted }
    }

    /// The errors among `diagnostics`: what makes a reload keep the old set.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The same set compiled again (sorted by id), sharing no storage with `checklists`.
    public func copy() -> RPCChecklistSet {
        let copied = makeCopy()
        return RPCChecklistSet(checklists: copied, diagnostics: diagnostics, generation: generation, copy: makeCopy)
    }
}
