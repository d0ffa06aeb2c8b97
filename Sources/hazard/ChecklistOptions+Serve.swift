import HazardPlugins
import HazardRPC
import HazardYAML

extension ChecklistOptions {
    /// The checklists `hazard serve` grades with, as one set. The server calls this at start
    /// and on every reload (SIGHUP, `checklists.reload`), so a reload loads exactly as the
    /// start did; `quiet` leaves reporting to the caller (reloads log through the server).
    static func checklistSet(_ paths: [String], quiet: Bool) -> RPCChecklistSet {
        let batch = loadBatch(paths, quiet: quiet)
        return RPCChecklistSet(checklists: batch.checklists, diagnostics: batch.diagnostics,
                               copy: { ChecklistLoader(registry: BuiltinPlugins.registry).reloaded(batch) })
    }
}
