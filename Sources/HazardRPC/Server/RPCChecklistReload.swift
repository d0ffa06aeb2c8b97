public import HazardJSON
public import HazardCore

/// What a reload that succeeded changed: `checklists.reload`'s result (rpc/PROTOCOL.md §6).
public struct RPCChecklistReload: Sendable {
    public let generation: Int
    /// What is loaded now, sorted by id.
    public let checklists: [Checklist]
    /// Ids new to the set, gone from it, and kept with other content (another SHA-256).
    public let added: [String]
    public let removed: [String]
    public let updated: [String]
    /// Warnings the load reported (located: `file:line:col: warning: …`).
    public let warnings: [String]

    init(old: RPCChecklistSet, new: RPCChecklistSet) {
        let before = Dictionary(old.checklists.map { ($0.id, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.checklists.map(\.id))
        generation = new.generation
        checklists = new.checklists
        added = new.checklists.filter { before[$0.id] == nil }.map(\.id.rawValue)
        removed = old.checklists.filter { !after.contains($0.id) }.map(\.id.rawValue)
        updated = new.checklists.filter { checklist in before[checklist.id].map { $0 != checklist.sha256 } ?? false }.map(\.id.rawValue)
        warnings = new.diagnostics.filter { $0.severity == .warning }.map(\.description)
    }

    public var jsonValue: JSONValue {
        .object([
            "generation": .number(generation),
            "checklists": .array(checklists.map(\.loadedJSON)),
            "added": .array(added.map { .string($0) }),
            "removed": .array(removed.map { .string($0) }),
            "updated": .array(updated.map { .string($0) }),
            "warnings": .array(warnings.map { .string($0) }),
        ])
    }
}

extension Checklist {
    /// A loaded checklist as `engine.info` and `checklists.reload` list it.
    var loadedJSON: JSONValue {
        .object(["id": .string(id.rawValue), "version": .string(version), "sha256": .string(sha256)])
    }
}
