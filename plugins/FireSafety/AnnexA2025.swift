import HazardCore

/// GB 35181-2025 Annex A (normative): when the 火灾自动报警系统 and the 固定灭火设施 of a building
/// or place "不能正常运行" (used by the direct elements 5.1 e), 5.2 d), 5.3 e), 5.4 d)).
/// Three-valued: nil means an answer the verdict depends on is missing.
enum AnnexA2025 {
    /// One system of A.1–A.3: whether the standards require it, and whether any of its
    /// conditions is present (nil: not all answered and none found).
    struct System: Sendable, Hashable {
        var required: Bool?
        var fault: Bool?
    }

    /// A.2.4: "灭火剂净重小于设计储存量的90%" ⇒ net < 90 % of the design quantity (`<`).
    static func gasAgentShort(percent: Double?) -> Bool? { percent.map { $0 < 90 } }

    /// A.4: with one of the three systems required, that system having one A.1–A.3 condition;
    /// with two or three required, **each** required system having at least one. A system not
    /// required takes no part; with none required nothing can fail to run.
    static func notRunning(_ systems: [System]) -> Bool? {
        var anyRequired: Bool? = false
        var allRequiredFaulty: Bool? = true
        for system in systems {
            anyRequired = Kleene.or(anyRequired, system.required)
            // "required ⇒ faulty": a system not required never spoils the conjunction.
            allRequiredFaulty = Kleene.and(allRequiredFaulty, Kleene.or(Kleene.not(system.required), system.fault))
        }
        return Kleene.and(anyRequired, allRequiredFaulty)
    }
}
