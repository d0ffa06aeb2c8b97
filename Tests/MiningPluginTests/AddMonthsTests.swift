import HazardCore
import MiningPlugin
import Testing

/// `mining.add_months(date, n)`: calendar deadlines of 第二十条 (2-year gas appraisal, 6-month
/// outburst appraisal).
struct AddMonthsTests {
    func addMonths(_ iso: String, _ n: Double) -> String? {
        let function = MiningPlugin().functions.first { $0.name == "add_months" }
        return function?.body([Day(iso: iso).map(Value.date), .number(n)])?.date?.description
    }

    @Test("加月数保留日期，短月取月末", arguments: [
        ("2024-07-15", 24.0, "2026-07-15"),
        ("2024-07-15", 6.0, "2025-01-15"),
        ("2024-08-31", 6.0, "2025-02-28"),
        ("2024-02-29", 12.0, "2025-02-28"),
        ("2023-08-31", 6.0, "2024-02-29"),
        ("2026-01-31", 1.0, "2026-02-28"),
        ("2026-03-31", -1.0, "2026-02-28"),
        ("2025-12-15", 1.0, "2026-01-15"),
        ("2026-01-15", -1.0, "2025-12-15"),
        ("2026-05-20", 0.0, "2026-05-20"),
    ])
    func adds(start: String, months: Double, expected: String) {
        #expect(addMonths(start, months) == expected)
    }

    @Test("未知或非整数月数时结果未知")
    func unknown() {
        let function = MiningPlugin().functions.first { $0.name == "add_months" }
        #expect(function?.body([nil, .number(6)]) == nil)
        #expect(function?.body([Day(iso: "2026-01-01").map(Value.date), nil]) == nil)
        #expect(addMonths("2026-01-01", 1.5) == nil)
    }
}
