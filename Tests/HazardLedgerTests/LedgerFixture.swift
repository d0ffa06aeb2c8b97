import Foundation
import HazardCore
@testable import HazardLedger

/// An in-memory ledger with one registered enterprise.
struct LedgerFixture {
    let ledger: Ledger
    let uscc: USCC
    let clerk = Person(name: "李四", role: "clerk")
    let owner = Person(name: "王五", role: "safety officer")
    let inspector = Person(name: "张三", role: "inspector")
    static let day = Day(year: 2026, month: 6, day: 10)!
    /// The ledger's "today": late enough for the transitions tests date in July and August
    /// (a day may not pass tomorrow by the ledger's clock).
    static let today = Day(year: 2026, month: 12, day: 31)!

    init() async throws {
        try await self.init(ledger: Ledger.inMemory(clock: FixedClock(Timestamp(day: Self.today, seconds: 3600))))
    }

    /// A fresh ledger on `store`: in-memory SQLite, or its own schema in the test PostgreSQL.
    init(_ store: StoreKind, registering: Bool = true) async throws {
        try await self.init(ledger: store.makeLedger(clock: FixedClock(Timestamp(day: Self.today, seconds: 3600))), registering: registering)
    }

    /// The stores every parameterised ledger test runs on: SQLite always, PostgreSQL when the
    /// test cluster is there (`make test` starts one and requires it, see `StoreAvailabilityTests`).
    static var stores: [StoreKind] { StoreKind.available }

    /// The same on a ledger file at `path`; `registering: false` opens one already set up.
    init(path: String, registering: Bool = true) async throws {
        try await self.init(ledger: Ledger.open(path: path, clock: FixedClock(Timestamp(day: Self.today, seconds: 3600))), registering: registering)
    }

    init(ledger: Ledger, registering: Bool = true) async throws {
        self.ledger = ledger
        uscc = try USCC.completing("91320581MA1XXXXX0")
        guard registering else { return }
        try await ledger.register(Enterprise(uscc: uscc, name: "苏州某化工有限公司", region: "320581", sectors: ["hazardous-chemicals"], sites: ["一厂区"]), by: clerk)
    }

    func input(_ kind: InspectionKind = .department, date: Day = LedgerFixture.day, sector: String = "hazardous-chemicals") -> InspectionInput {
        InspectionInput(enterprise: uscc, site: "一厂区", kind: kind, inspectors: ["张三", "赵六"], date: date, sector: sector, signedBy: "张三")
    }

    @discardableResult
    func record(_ kind: InspectionKind = .department, major: Int, general: Int, date: Day = LedgerFixture.day, version: String = "1.0.0",
                sector: String = "hazardous-chemicals") async throws -> RecordedInspection {
        let evaluation = try SampleEvaluation.make(version: version, date: date, major: major, general: general, compliant: 2)
        return try await ledger.record(input(kind, date: date, sector: sector), evaluation: evaluation, by: inspector)
    }

    var completePlan: RectificationPlan {
        RectificationPlan(responsible: "王五", measures: "更换防爆电气", funds: "5万元", deadline: Day(year: 2026, month: 7, day: 10), contingency: "停用并警戒")
    }

    /// A unique folder, removed afterwards, for file-backed (WAL) ledgers.
    static func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
        let path = NSTemporaryDirectory() + "hazard-ledger-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(path)
    }
}
