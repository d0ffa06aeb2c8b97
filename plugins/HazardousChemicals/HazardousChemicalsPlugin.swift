public import HazardCore

/// `hazchem`: identifies and grades a 危险化学品重大危险源 per GB 18218-2018 (formula also in
/// 原安监总局令第40号 Annex 1) for one unit (单元), for 安监总管三〔2017〕121号 item 五.
///
/// Inputs (questions the checklist must declare):
/// - `inventory`: list of records, one per chemical in the unit:
///   - `substance` (text): a GB 18218-2018 Table 1 name, alias or CAS number (all 85 rows:
///     `液氯`, `氯`, `7782-50-5`; a row qualified by concentration by its full name,
///     `硝酸铵(含可燃物≤0.2%)`), or a Table 2 hazard-category code (`W5.3`, `J1`);
///   - `quantity_t` (number, t): q, the design maximum quantity in the unit (设计最大量);
///   - `category` (text, optional): Table 2 code — required for chemicals Table 1 does not
///     list; for a Table 1 chemical outside Table 3 it replaces the default category that
///     decides β, and never its Q (Table 1's Q always wins);
///   - `liquefied` (boolean, optional): stored as a liquefied gas; overrides the default.
///   See `SubstanceCatalog` for the exact resolution rules.
/// - `unit_kind` (enum `production_unit` | `storage_facility`): [M] per the reference a
///   production unit is bounded by shut-off valves and a storage unit is a tank farm within its
///   dike or a warehouse; S and R are computed the same way for both, so the plugin only
///   checks the options — checklists use it in `applies_when`.
/// - `population_500m` (number): permanent residents within 500 m of the plant boundary, for α.
///
/// Facts (a fact whose inputs are unanswered is left out, i.e. unknown):
/// - `S`, `is_major_source` — need `inventory` (quantities and substances of every record);
/// - `alpha` — needs `population_500m`;
/// - `R`, and `level` of a major source — need both;
/// - `level` is 1–4 for a major hazard source and **0 when the unit is not one** (known from the
///   inventory alone, so `hazchem.level in [1, 2]` is false, not unknown, for a small unit);
/// - `has_toxic_gas`, `has_liquefied_gas`, `has_highly_toxic_liquid` — any record with a
///   quantity other than 0 that is one (three-valued: unknown if no record is and some record's
///   answer is missing).
///
/// Errors: a record naming an unknown chemical (the message suggests Table 1 rows spelled like
/// it) or an ambiguous one (the message lists the rows to choose from, with their Q), a bad
/// category code, or a negative quantity throws `PluginError` with `question: inventory` and the
/// record's zero-based index.
public struct HazardousChemicalsPlugin: SectorPlugin {
    public init() {}

    public let id = "hazchem"

    public let summary = "GB 18218-2018 危险化学品重大危险源辨识与分级（S、R、级别），用于安监总管三〔2017〕121号"

    public static let inventory: QuestionID = "inventory"
    public static let unitKind: QuestionID = "unit_kind"
    public static let population: QuestionID = "population_500m"
    public static let unitKinds = ["production_unit", "storage_facility"]

    public var declaredInputs: [InputDeclaration] {
        [
            InputDeclaration(Self.inventory, .list([
                "substance": .text,
                "quantity_t": .number,
                "category": .text,
                "liquefied": .boolean,
            ])),
            InputDeclaration(Self.unitKind, .enumeration(Self.unitKinds)),
            InputDeclaration(Self.population, .number),
        ]
    }

    public var declaredFacts: [FactDeclaration] {
        [
            FactDeclaration("S", .number, label: "重大危险源辨识指标 S = Σq/Q"),
            FactDeclaration("is_major_source", .boolean, label: "构成危险化学品重大危险源（S ≥ 1）"),
            FactDeclaration("alpha", .number, label: "暴露人员校正系数 α"),
            FactDeclaration("R", .number, label: "重大危险源分级指标 R = α·Σβq/Q"),
            FactDeclaration("level", .number, label: "重大危险源级别（1–4 级；0 = 不构成重大危险源）"),
            FactDeclaration("has_toxic_gas", .boolean, label: "涉及毒性气体"),
            FactDeclaration("has_liquefied_gas", .boolean, label: "涉及液化气体"),
            FactDeclaration("has_highly_toxic_liquid", .boolean, label: "涉及剧毒液体"),
        ]
    }

    /// `hazchem.critical_quantity(text)`: Q (t) of a Table 1 name/alias/CAS or Table 2 code;
    /// `hazchem.beta(text)`: its β (Table 3, or the default/given category's Table 4 value).
    /// Both are unknown for an unknown or ambiguous text (a function cannot raise an error).
    public var functions: [PluginFunction] {
        [
            PluginFunction("critical_quantity", parameters: [.text], result: .number) { args in
                guard let text = args.first??.string, let q = SubstanceCatalog.criticalQuantity(text) else { return nil }
                return .number(q)
            },
            PluginFunction("beta", parameters: [.text], result: .number) { args in
                guard let text = args.first??.string, let b = SubstanceCatalog.beta(text) else { return nil }
                return .number(b)
            },
        ]
    }

    public func derive(from answers: Answers) throws(PluginError) -> Facts {
        var facts = Facts()

        if let value = answers[Self.unitKind] {
            guard let kind = value.string, Self.unitKinds.contains(kind) else {
                throw PluginError(code: "invalid_unit_kind", message: "unit_kind must be one of \(Self.unitKinds.joined(separator: ", ")), got \(value)", question: Self.unitKind)
            }
        }

        var alpha: Double?
        if let value = answers[Self.population] {
            guard let people = value.number, people.isFinite, people >= 0 else {
                throw PluginError(code: "invalid_population", message: "population_500m must be a number ≥ 0, got \(value)", question: Self.population)
            }
            alpha = MajorHazardGrading.alpha(population: people)
        }
        if let alpha { facts["alpha"] = .number(alpha) }

        guard let value = answers[Self.inventory] else { return facts }
        guard let records = value.records else {
            throw PluginError(code: "invalid_inventory", message: "inventory must be a list of records", question: Self.inventory)
        }

        var items: [MajorHazardGrading.Item] = []
        var complete = true
        var toxicGas: Bool? = false
        var liquefiedGas: Bool? = false
        var highlyToxicLiquid: Bool? = false

        for (index, record) in records.enumerated() {
            let quantity = try Self.quantity(of: record, index: index)
            let category = try Self.text(record, "category", index: index)
            let liquefied = try Self.flag(record, "liquefied", index: index)
            let substance = try Self.text(record, "substance", index: index)
            if substance == nil && category == nil {
                complete = false
                // Nothing known about this record's chemical.
                if quantity != 0 {
                    toxicGas = Kleene.or(toxicGas, nil)
                    liquefiedGas = Kleene.or(liquefiedGas, nil)
                    highlyToxicLiquid = Kleene.or(highlyToxicLiquid, nil)
                }
                continue
            }
            let classification: Classification
            do {
                classification = try SubstanceCatalog.classify(substance: substance, category: category, liquefied: liquefied)
            } catch {
                throw PluginError(code: error.code, message: error.description, question: Self.inventory, recordIndex: index)
            }
            if quantity != 0 {
                toxicGas = Kleene.or(toxicGas, classification.isToxicGas)
                liquefiedGas = Kleene.or(liquefiedGas, classification.isLiquefiedGas)
                highlyToxicLiquid = Kleene.or(highlyToxicLiquid, classification.isHighlyToxicLiquid)
            }
            if let quantity {
                items.append(.init(quantity: quantity, classification: classification))
            } else {
                complete = false
            }
        }

        if let toxicGas { facts["has_toxic_gas"] = .bool(toxicGas) }
        if let liquefiedGas { facts["has_liquefied_gas"] = .bool(liquefiedGas) }
        if let highlyToxicLiquid { facts["has_highly_toxic_liquid"] = .bool(highlyToxicLiquid) }

        guard complete else { return facts }
        let s = MajorHazardGrading.s(items)
        let major = MajorHazardGrading.isMajorSource(s: s)
        facts["S"] = .number(s)
        facts["is_major_source"] = .bool(major)
        if let alpha {
            let r = MajorHazardGrading.r(items, alpha: alpha)
            facts["R"] = .number(r)
            facts["level"] = .number(Double(major ? MajorHazardGrading.level(r: r) : 0))
        } else if !major {
            facts["level"] = .number(0)
        }
        return facts
    }

    static func quantity(of record: Record, index: Int) throws(PluginError) -> Double? {
        guard let value = record["quantity_t"] else { return nil }
        guard let q = value.number, q.isFinite, q >= 0 else {
            throw PluginError(code: "invalid_quantity", message: "quantity_t must be a number of tonnes ≥ 0, got \(value)", question: inventory, recordIndex: index)
        }
        return q
    }

    static func text(_ record: Record, _ field: String, index: Int) throws(PluginError) -> String? {
        guard let value = record[field] else { return nil }
        guard let text = value.string else {
            throw PluginError(code: "invalid_\(field)", message: "\(field) must be text, got \(value)", question: inventory, recordIndex: index)
        }
        return SubstanceKey(text).text.isEmpty ? nil : text
    }

    static func flag(_ record: Record, _ field: String, index: Int) throws(PluginError) -> Bool? {
        guard let value = record[field] else { return nil }
        guard let flag = value.bool else {
            throw PluginError(code: "invalid_\(field)", message: "\(field) must be true or false, got \(value)", question: inventory, recordIndex: index)
        }
        return flag
    }
}
