import HazardCore
import Testing

@Suite("Plugin kit")
struct PluginKitTests {
    @Test("Kleene and: false wins over unknown, unknown over true", arguments: [
        ([true, true], true), ([true, nil], nil), ([false, nil], false), ([nil, false], false), ([Bool?](), true),
    ] as [([Bool?], Bool?)])
    func and(operands: [Bool?], expected: Bool?) {
        #expect(Kleene.and(operands) == expected)
    }

    @Test("Kleene or: true wins over unknown, unknown over false", arguments: [
        ([false, false], false), ([false, nil], nil), ([true, nil], true), ([nil, true], true), ([Bool?](), false),
    ] as [([Bool?], Bool?)])
    func or(operands: [Bool?], expected: Bool?) {
        #expect(Kleene.or(operands) == expected)
    }

    @Test("count of true operands keeps the unknown ones apart")
    func countTrue() {
        #expect(Kleene.countTrue([true, nil, false, true, nil]) == (known: 2, unknown: 2))
    }

    @Test("adding months keeps the day and clamps to a shorter month", arguments: [
        ("2024-08-31", 6, "2025-02-28"), ("2024-02-29", 12, "2025-02-28"), ("2023-08-31", 6, "2024-02-29"),
        ("2026-03-31", -1, "2026-02-28"), ("2025-12-15", 1, "2026-01-15"), ("2026-01-15", -13, "2024-12-15"),
    ])
    func addMonths(start: String, months: Int, expected: String) throws {
        let day = try #require(Day(iso: start))
        #expect(CivilCalendar.adding(months: months, to: day)?.description == expected)
    }

    @Test("years outside 1…9999 have no day")
    func outOfRange() throws {
        let day = try #require(Day(iso: "9999-06-01"))
        #expect(CivilCalendar.adding(months: 12, to: day) == nil)
        #expect(CivilCalendar.adding(years: Int.max, to: day) == nil)
        #expect(CivilCalendar.adding(years: -1, to: day)?.description == "9998-06-01")
    }

    @Test("days in month follow the Gregorian leap rule", arguments: [
        (2024, 2, 29), (2025, 2, 28), (1900, 2, 28), (2000, 2, 29), (2026, 4, 30), (2026, 12, 31),
    ])
    func daysInMonth(year: Int, month: Int, days: Int) {
        #expect(CivilCalendar.daysInMonth(year: year, month: month) == days)
    }

    struct LyingPlugin: SectorPlugin {
        var id: String { "liar" }
        var declaredFacts: [FactDeclaration] { [FactDeclaration("n", .number, label: "数")] }
        func derive(from answers: Answers) throws(PluginError) -> Facts {
            var facts = Facts(["n": .number(1)])
            if answers["wrong_type"] != nil { facts["n"] = .bool(true) }
            if answers["extra"] != nil { facts["extra"] = .number(2) }
            return facts
        }
    }

    @Test("the probe passes declared facts and catches a plugin that breaks its declaration")
    func probe() throws {
        let probe = PluginProbe(LyingPlugin())
        #expect(try probe.number("n", [:]) == 1)
        #expect(throws: PluginError.self) { try probe.facts(["extra": .bool(true)]) }
        let error = #expect(throws: PluginError.self) { try probe.facts(["wrong_type": .bool(true)]) }
        #expect(error?.code == "probe.fact_type")
    }

    @Test("an enum option the plugin does not know is an error naming the question, never a guess")
    func option() throws {
        let answers = Answers(["kind": .string("c")])
        #expect(try Answers(["kind": .string("a")]).option("kind", among: ["a", "b"]) == "a")
        #expect(try answers.option("missing", among: ["a"]) == nil)
        let error = #expect(throws: PluginError.self) { try answers.option("kind", among: ["a", "b"]) }
        #expect(error?.question == "kind")
    }
}
