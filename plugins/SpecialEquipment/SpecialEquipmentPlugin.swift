public import HazardCore

/// Dates for GB 45067-2024 《特种设备重大事故隐患判定准则》 checklists (id `special_equipment`).
///
/// Derives, relative to the answers' `inspectionDate` (检查日期, never the wall clock):
/// - the periodic-inspection (定期检验) due date and whether it is overdue — intervals per
///   equipment type are [M] from memory of the TSG rules (see `PeriodicInspectionInterval`);
/// - whether equipment still in use has no use registration (使用登记, 特种设备安全法第三十三条 [M]);
/// - whether scrapped (已经报废) equipment is still in use, and whether equipment that has
///   reached its design service life (设计使用年限) is still used without the inspection or
///   safety assessment and registration change that 特种设备安全法第四十八条 requires [M].
///
/// GB 45067-2024 itself has no item for an overdue inspection or a missing registration;
/// those facts are informative. A fact is left out when an input it needs is unanswered.
public struct SpecialEquipmentPlugin: SectorPlugin {
    public init() {}

    public var id: String { "special_equipment" }

    public var summary: String {
        "特种设备：定期检验到期/超期（[M] TSG 检验周期）、使用登记、报废与设计使用年限"
    }

    public var declaredFacts: [FactDeclaration] {
        [
            FactDeclaration("inspection_interval_months", .number, label: "定期检验周期（月）[M]"),
            FactDeclaration("next_inspection_due", .date, label: "下次定期检验到期日"),
            FactDeclaration("inspection_overdue", .boolean, label: "检查日已超过定期检验到期日"),
            FactDeclaration("days_overdue", .number, label: "定期检验超期天数（未超期为0）"),
            FactDeclaration("registration_missing", .boolean, label: "在用但未办理使用登记"),
            FactDeclaration("design_life_end", .date, label: "达到设计使用年限之日"),
            FactDeclaration("design_life_reached", .boolean, label: "检查日已达到设计使用年限"),
            FactDeclaration(
                "past_design_life_unassessed", .boolean,
                label: "达到设计使用年限仍在使用，且未经检验或安全评估并办理使用登记变更 [M]"
            ),
            FactDeclaration("scrapped_in_use", .boolean, label: "已经报废仍继续使用"),
        ]
    }

    public var declaredInputs: [InputDeclaration] {
        [
            InputDeclaration("equipment_type", .enumeration(EquipmentType.allCases.map(\.rawValue))),
            InputDeclaration("in_use", .boolean),
            InputDeclaration("last_periodic_inspection_date", .date),
            InputDeclaration("inspection_interval_months", .number),
            InputDeclaration("safety_grade", .number),
            InputDeclaration("crane_kind", .enumeration(CraneKind.allCases.map(\.rawValue))),
            InputDeclaration("cylinder_gas_class", .enumeration(CylinderGasClass.allCases.map(\.rawValue))),
            InputDeclaration("has_use_registration", .boolean),
            InputDeclaration("commissioning_date", .date),
            InputDeclaration("design_life_specified", .boolean),
            InputDeclaration("design_life_years", .number),
            InputDeclaration("life_extension_approved", .boolean),
            InputDeclaration("is_scrapped", .boolean),
        ]
    }

    public func derive(from answers: Answers) throws(PluginError) -> Facts {
        var facts = Facts()
        let inUse = answers["in_use"]?.bool

        // Periodic inspection: due = last inspection + interval; overdue from the day after.
        if let interval = try intervalMonths(answers) {
            facts["inspection_interval_months"] = .number(Double(interval))
            if let last = answers["last_periodic_inspection_date"]?.date,
               let due = CivilCalendar.adding(months: interval, to: last) {
                facts["next_inspection_due"] = .date(due)
                if let today = answers.inspectionDate {
                    let late = today.daysSinceEpoch - due.daysSinceEpoch
                    facts["inspection_overdue"] = .bool(late > 0)
                    facts["days_overdue"] = .number(Double(max(0, late)))
                }
            }
        }

        // 使用登记: missing when in use and not registered.
        if let missing = Kleene.and(inUse, answers["has_use_registration"]?.bool.map { !$0 }) {
            facts["registration_missing"] = .bool(missing)
        }

        // 设计使用年限: reached on the anniversary day (达到 ⇒ >=).
        var reached: Bool?
        if answers["design_life_specified"]?.bool == false {
            reached = false
        } else if let start = answers["commissioning_date"]?.date,
                  let years = answers["design_life_years"]?.number {
            guard years.isFinite, years > 0 else {
                throw PluginError(
                    code: "bad_design_life", message: "设计使用年限应为正数（年），得到 \(Value.format(years))",
                    question: "design_life_years")
            }
            // A design life beyond the calendar's years has no end day: not reached.
            if let end = CivilCalendar.adding(months: Int((min(years, 10_000) * 12).rounded()), to: start) {
                facts["design_life_end"] = .date(end)
                if let today = answers.inspectionDate { reached = today >= end }
            } else if answers.inspectionDate != nil {
                reached = false
            }
        }
        if let reached { facts["design_life_reached"] = .bool(reached) }
        let unassessed = answers["life_extension_approved"]?.bool.map { !$0 }
        if let value = Kleene.and(inUse, reached, unassessed) {
            facts["past_design_life_unassessed"] = .bool(value)
        }

        // 已经报废仍继续使用.
        if let value = Kleene.and(inUse, answers["is_scrapped"]?.bool) {
            facts["scrapped_in_use"] = .bool(value)
        }
        return facts
    }

    /// The interval to apply: the inspection body's stated interval, else the [M] default
    /// for the equipment type; nil when neither can be determined.
    private func intervalMonths(_ answers: Answers) throws(PluginError) -> Int? {
        if let stated = answers["inspection_interval_months"]?.number {
            guard stated.isFinite, stated >= 0, stated == stated.rounded() else {
                throw PluginError(
                    code: "bad_interval", message: "检验周期应为非负整数（月），得到 \(Value.format(stated))",
                    question: "inspection_interval_months")
            }
            return Int(stated)
        }
        guard let typeText = answers["equipment_type"]?.string else { return nil }
        guard let type = EquipmentType(rawValue: typeText) else {
            throw PluginError(code: "unknown_equipment_type", message: "未知的设备类别 \(typeText)", question: "equipment_type")
        }
        var grade: Int?
        if let number = answers["safety_grade"]?.number {
            guard number.isFinite, number == number.rounded(), abs(number) < 1000 else {
                throw PluginError(code: "bad_safety_grade", message: "安全状况等级应为整数，得到 \(Value.format(number))", question: "safety_grade")
            }
            grade = Int(number)
        }
        var crane: CraneKind?
        if let text = answers["crane_kind"]?.string {
            guard let kind = CraneKind(rawValue: text) else {
                throw PluginError(code: "unknown_crane_kind", message: "未知的起重机械类别 \(text)", question: "crane_kind")
            }
            crane = kind
        }
        var gasClass: CylinderGasClass?
        if let text = answers["cylinder_gas_class"]?.string {
            guard let value = CylinderGasClass(rawValue: text) else {
                throw PluginError(code: "unknown_gas_class", message: "未知的气瓶介质类别 \(text)", question: "cylinder_gas_class")
            }
            gasClass = value
        }
        return try PeriodicInspectionInterval.months(
            for: type, safetyGrade: grade, craneKind: crane, cylinderGasClass: gasClass)
    }
}
