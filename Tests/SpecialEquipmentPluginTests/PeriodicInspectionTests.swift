import HazardCore
import SpecialEquipmentPlugin
import Testing

private let plugin = SpecialEquipmentPlugin()

private func day(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else { fatalError("bad test date \(iso)") }
    return day
}

/// One equipment type with the answers that pick its interval, and the [M] interval.
struct IntervalCase: CustomTestStringConvertible, Sendable {
    var type: String
    var extra: [QuestionID: Value]
    var months: Int
    var testDescription: String { "\(type) \(extra.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: ",")) → \(months) 个月" }
}

private let intervalCases: [IntervalCase] = [
    IntervalCase(type: "boiler", extra: [:], months: 12),
    IntervalCase(type: "pressure_vessel", extra: ["safety_grade": .number(1)], months: 72),
    IntervalCase(type: "pressure_vessel", extra: ["safety_grade": .number(2)], months: 72),
    IntervalCase(type: "pressure_vessel", extra: ["safety_grade": .number(3)], months: 36),
    IntervalCase(type: "pressure_vessel", extra: ["safety_grade": .number(4)], months: 36),
    IntervalCase(type: "pressure_piping", extra: ["safety_grade": .number(2)], months: 72),
    IntervalCase(type: "pressure_piping", extra: ["safety_grade": .number(3)], months: 36),
    IntervalCase(type: "gas_cylinder", extra: ["cylinder_gas_class": .string("corrosive")], months: 24),
    IntervalCase(type: "gas_cylinder", extra: ["cylinder_gas_class": .string("general")], months: 36),
    IntervalCase(type: "gas_cylinder", extra: ["cylinder_gas_class": .string("inert")], months: 60),
    IntervalCase(type: "gas_cylinder", extra: ["cylinder_gas_class": .string("lpg_steel")], months: 48),
    IntervalCase(type: "elevator", extra: [:], months: 12),
    IntervalCase(type: "crane", extra: ["crane_kind": .string("tower_hoist_mobile")], months: 12),
    IntervalCase(type: "crane", extra: ["crane_kind": .string("molten_metal")], months: 12),
    IntervalCase(type: "crane", extra: ["crane_kind": .string("other")], months: 24),
    IntervalCase(type: "passenger_ropeway", extra: [:], months: 12),
    IntervalCase(type: "amusement_ride", extra: [:], months: 12),
    IntervalCase(type: "site_vehicle", extra: [:], months: 12),
    IntervalCase(type: "cylinder_filling", extra: ["inspection_interval_months": .number(6)], months: 6),
    IntervalCase(type: "elevator", extra: ["inspection_interval_months": .number(24)], months: 24),
]

private func answers(_ c: IntervalCase, last: String, on inspection: String?) -> Answers {
    var values = c.extra
    values["equipment_type"] = .string(c.type)
    values["last_periodic_inspection_date"] = .date(day(last))
    return Answers(values, inspectionDate: inspection.map(day))
}

@Suite("定期检验到期与超期（检验周期 [M] 取自 TSG）")
struct PeriodicInspectionTests {
    @Test("检验周期按设备类别（及安全状况等级、起重机类别、气瓶介质）确定", arguments: intervalCases)
    func intervalPerType(_ c: IntervalCase) throws {
        let facts = try plugin.derive(from: answers(c, last: "2024-03-15", on: "2024-03-16"))
        #expect(facts["inspection_interval_months"] == .number(Double(c.months)))
        let due = Day(year: 2024 + (3 - 1 + c.months) / 12, month: (3 - 1 + c.months) % 12 + 1, day: 15)
        #expect(facts["next_inspection_due"] == due.map(Value.date))
    }

    @Test("到期日当天不算超期，次日超期1天", arguments: intervalCases)
    func dueDayVersusDayAfter(_ c: IntervalCase) throws {
        let onDue = try plugin.derive(from: answers(c, last: "2024-03-15", on: nil))
        guard case .date(let due)? = onDue["next_inspection_due"] else {
            Issue.record("no due date for \(c.type)")
            return
        }
        let atDue = try plugin.derive(from: answers(c, last: "2024-03-15", on: due.description))
        #expect(atDue["inspection_overdue"] == .bool(false))
        #expect(atDue["days_overdue"] == .number(0))
        let dayAfter = Day(daysSinceEpoch: due.daysSinceEpoch + 1)
        let late = try plugin.derive(from: answers(c, last: "2024-03-15", on: dayAfter.description))
        #expect(late["inspection_overdue"] == .bool(true))
        #expect(late["days_overdue"] == .number(1))
    }

    @Test("锅炉：2025-06-30 检验，2026-06-30 到期，2026-07-10 检查超期10天")
    func boilerExample() throws {
        let facts = try plugin.derive(from: Answers(
            ["equipment_type": .string("boiler"), "last_periodic_inspection_date": .date(day("2025-06-30"))],
            inspectionDate: day("2026-07-10")))
        #expect(facts["next_inspection_due"] == .date(day("2026-06-30")))
        #expect(facts["inspection_overdue"] == .bool(true))
        #expect(facts["days_overdue"] == .number(10))
    }

    @Test("没有检查日期：到期日可算，超期与超期天数未知")
    func missingInspectionDateIsUnknown() throws {
        let facts = try plugin.derive(from: Answers(
            ["equipment_type": .string("elevator"), "last_periodic_inspection_date": .date(day("2025-05-01"))]))
        #expect(facts["next_inspection_due"] == .date(day("2026-05-01")))
        #expect(facts["inspection_overdue"] == nil)
        #expect(facts["days_overdue"] == nil)
    }

    @Test("缺少上次检验日期或确定周期所需的回答：到期与超期均未知", arguments: [
        Answers(["equipment_type": .string("boiler")], inspectionDate: day("2026-01-01")),
        Answers(["last_periodic_inspection_date": .date(day("2025-01-01"))], inspectionDate: day("2026-01-01")),
        Answers(["equipment_type": .string("pressure_vessel"), "last_periodic_inspection_date": .date(day("2025-01-01"))],
                inspectionDate: day("2026-01-01")),
        Answers(["equipment_type": .string("crane"), "last_periodic_inspection_date": .date(day("2025-01-01"))],
                inspectionDate: day("2026-01-01")),
        Answers(["equipment_type": .string("cylinder_filling"), "last_periodic_inspection_date": .date(day("2025-01-01"))],
                inspectionDate: day("2026-01-01")),
    ])
    func missingInputsAreUnknown(_ answers: Answers) throws {
        let facts = try plugin.derive(from: answers)
        #expect(facts["next_inspection_due"] == nil)
        #expect(facts["inspection_overdue"] == nil)
        #expect(facts["days_overdue"] == nil)
    }

    @Test("月末日期：2024-02-29 加12个月为 2025-02-28")
    func monthEndClamps() throws {
        let facts = try plugin.derive(from: Answers(
            ["equipment_type": .string("site_vehicle"), "last_periodic_inspection_date": .date(day("2024-02-29"))],
            inspectionDate: day("2025-03-01")))
        #expect(facts["next_inspection_due"] == .date(day("2025-02-28")))
        #expect(facts["days_overdue"] == .number(1))
    }

    @Test("检验周期只看检查日期，不看当前时间：远早于到期日的检查不超期")
    func usesInspectionDateNotClock() throws {
        let facts = try plugin.derive(from: Answers(
            ["equipment_type": .string("boiler"), "last_periodic_inspection_date": .date(day("2000-01-01"))],
            inspectionDate: day("2000-06-01")))
        #expect(facts["inspection_overdue"] == .bool(false))
    }

    @Test("不合理的回答报错", arguments: [
        ("safety_grade", Answers(["equipment_type": .string("pressure_piping"), "safety_grade": .number(5)])),
        ("safety_grade", Answers(["equipment_type": .string("pressure_vessel"), "safety_grade": .number(0)])),
        ("inspection_interval_months", Answers(["inspection_interval_months": .number(-1)])),
        ("design_life_years", Answers(["commissioning_date": .date(day("2020-01-01")), "design_life_years": .number(0)])),
    ])
    func badAnswersThrow(_ question: String, _ answers: Answers) {
        #expect(throws: PluginError.self) { try plugin.derive(from: answers) }
        do { _ = try plugin.derive(from: answers) } catch { #expect(error.question == QuestionID(question)) }
    }
}
