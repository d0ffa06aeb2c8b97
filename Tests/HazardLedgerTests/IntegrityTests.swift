import Foundation
import GRDB
import HazardCore
@testable import HazardLedger
import Testing

/// Issue 12: four eyes by credential and normalised name, days that only move forward, and
/// blank text that is really blank (no database unless the rule is the store's).
@Suite("Four eyes, backdating and blank 五落实 (state machine)")
struct FourEyesAndDaysTests {
    static let found = Day(year: 2026, month: 3, day: 18)!
    static let today = Day(year: 2026, month: 3, day: 20)!
    let plan = RectificationPlan(responsible: "王五", measures: "更换防爆电气", funds: "5万元",
                                 deadline: Day(year: 2026, month: 4, day: 30), contingency: "停用该区域")

    func rectified(by person: Person, on day: Day = FourEyesAndDaysTests.found) throws -> HazardState {
        try HazardState(grade: .general, foundOn: Self.found)
            .applying(HazardEvent(.rectified(note: nil), by: person, on: day, recordedOn: Self.today))
    }

    func verify(_ state: HazardState, by person: Person, on day: Day = FourEyesAndDaysTests.today) throws -> HazardState {
        try state.applying(HazardEvent(.verified(note: nil), by: person, on: day, recordedOn: Self.today))
    }

    @Test("the rectifier's credential cannot close the rectification under another name (验收人不得为整改人)",
          arguments: ["赵六", "王五 ", " 王五", "王五\u{200B}", "ｗａｎｇ"])
    func sameCredentialOtherName(verifierName: String) throws {
        let state = try rectified(by: Person(name: "王五", role: "rpc department (bureau)", principal: "bureau"))
        let error = #expect(throws: IllegalTransition.self) {
            try verify(state, by: Person(name: verifierName, role: "rpc department (bureau)", principal: "bureau"))
        }
        #expect(error?.code == .selfVerification)
        let reject = #expect(throws: IllegalTransition.self) {
            try state.applying(HazardEvent(.rejected(reason: "未整改"), by: Person(name: verifierName, role: "", principal: "bureau"), on: Self.today))
        }
        #expect(reject?.code == .selfVerification)
    }

    @Test("the same person's name, padded, zero-width, full-width or in another case, is the same person",
          arguments: [("王五", "王五 "), ("王五", "\u{FEFF}王\u{200D}五"), ("Wang Wu", "wang  wu"), ("ＷＡＮＧ", "wang")])
    func sameNameNormalised(rectifier: String, verifier: String) throws {
        let state = try rectified(by: Person(name: rectifier, role: "safety officer"))
        let error = #expect(throws: IllegalTransition.self) { try verify(state, by: Person(name: verifier, role: "inspector")) }
        #expect(error?.code == .selfVerification)
    }

    @Test("a credential that acts for several people closes another person's rectification, recorded as such")
    func sharedCredential() throws {
        let state = try rectified(by: Person(name: "王五", role: "rpc admin (local)", principal: "local", actsForSeveral: true))
        #expect(state.rectifiedByPrincipal == "local" && state.rectifiedByShared)
        let closed = try verify(state, by: Person(name: "赵六", role: "rpc admin (local)", principal: "local", actsForSeveral: true))
        #expect(closed.status == .closed && closed.verifiedBy == "赵六")
        let same = #expect(throws: IllegalTransition.self) {
            try verify(state, by: Person(name: " 王五\u{200B}", role: "rpc admin (local)", principal: "local", actsForSeveral: true))
        }
        #expect(same?.code == .selfVerification)
    }

    @Test("another credential with another name may verify")
    func otherCredential() throws {
        let state = try rectified(by: Person(name: "王五", role: "", principal: "enterprise-desk"))
        #expect(try verify(state, by: Person(name: "赵六", role: "", principal: "bureau")).status == .closed)
    }

    @Test("days never go before the hazard was found, never back along its events, never past tomorrow", arguments: [
        (Day(year: 1990, month: 1, day: 1)!, IllegalTransition.Code.beforeFound),
        (Day(year: 2026, month: 3, day: 17)!, .beforeFound),
        (Day(year: 2026, month: 3, day: 22)!, .futureDay),
        (Day(year: 9999, month: 12, day: 31)!, .futureDay),
    ])
    func rectificationDay(day: Day, code: IllegalTransition.Code) {
        let error = #expect(throws: IllegalTransition.self) { try rectified(by: Person(name: "王五", role: ""), on: day) }
        #expect(error?.code == code)
    }

    @Test("tomorrow is allowed (clock skew, UTC+8); verifying before the rectification is not")
    func verificationBeforeRectification() throws {
        let state = try rectified(by: Person(name: "王五", role: ""), on: Day(year: 2026, month: 3, day: 21)!)
        let error = #expect(throws: IllegalTransition.self) {
            try verify(state, by: Person(name: "赵六", role: ""), on: Day(year: 1980, month: 1, day: 1)!)
        }
        #expect(error?.code == .beforeFound)
        let earlier = #expect(throws: IllegalTransition.self) { try verify(state, by: Person(name: "赵六", role: ""), on: Self.today) }
        #expect(earlier?.code == .dayOutOfOrder)
        #expect(try verify(state, by: Person(name: "赵六", role: ""), on: Day(year: 2026, month: 3, day: 21)!).closedOn == Day(year: 2026, month: 3, day: 21))
    }

    @Test("inspection dates lie between the Work Safety Law (2002-11-01) and tomorrow", arguments: [
        ("0000-01-01", false), ("1980-01-01", false), ("2002-10-31", false), ("2002-11-01", true),
        ("2026-03-21", true), ("2026-03-22", false), ("9999-12-31", false),
    ])
    func inspectionWindow(text: String, accepted: Bool) throws {
        let day = try #require(Day(iso: text))
        if accepted {
            try HazardState.checkInspectionDay(day, recordedOn: Self.today)
        } else {
            let error = #expect(throws: IllegalTransition.self) { try HazardState.checkInspectionDay(day, recordedOn: Self.today) }
            #expect(error?.code == .implausibleDay)
        }
    }

    @Test("a 五落实 part of only spaces or zero-width characters is missing", arguments: [
        "", "   ", "\u{200B}", "\u{200B}\u{200C}\u{200D}", " \u{FEFF}\u{2060} ", "\u{3000}",
    ])
    func blankPlanPart(text: String) {
        var plan = plan
        plan.funds = text
        #expect(plan.missingParts == ["funds (整改资金)"])
        let error = #expect(throws: IllegalTransition.self) {
            try HazardState(grade: .major, foundOn: Self.found).applying(HazardEvent(.planned(plan), by: Person(name: "王五", role: ""), on: Self.found))
        }
        #expect(error?.code == .incompletePlan)
        var general = plan
        general.responsible = text
        let generalError = #expect(throws: IllegalTransition.self) {
            try HazardState(grade: .general, foundOn: Self.found).applying(HazardEvent(.planned(general), by: Person(name: "王五", role: ""), on: Self.found))
        }
        #expect(generalError?.code == .incompletePlan)
    }
}

@Suite("Four eyes, backdating and busy database (ledger)")
struct LedgerIntegrityTests {
    @Test("the ledger refuses inspections dated 0000-01-01 or 9999-12-31 and records nothing", arguments: [
        Day(year: 0, month: 1, day: 1), Day(year: 9999, month: 12, day: 31), Day(year: 1990, month: 1, day: 1),
    ])
    func implausibleInspection(date: Day?) async throws {
        let f = try await LedgerFixture()
        let date = try #require(date)
        let error = await #expect(throws: LedgerError.self) { try await f.record(major: 1, general: 0, date: date) }
        #expect(error?.code == .implausibleDate)
        #expect(try await f.ledger.hazards(HazardFilter()).isEmpty)
    }

    @Test("a backdated rectification is refused in the ledger, and verify-chain replays the days", arguments: LedgerFixture.stores)
    func backdatedRectification(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        let id = try #require(try await f.record(major: 0, general: 1).hazards.first)
        let error = await #expect(throws: IllegalTransition.self) {
            try await f.ledger.rectify(id, by: f.owner, on: Day(year: 1990, month: 1, day: 1)!)
        }
        #expect(error?.code == .beforeFound)
        try await f.ledger.rectify(id, by: f.owner, on: LedgerFixture.day)
        let closed = try await f.ledger.verify(id, by: f.inspector, on: LedgerFixture.day)
        #expect(closed.status == .closed && closed.state.lastEventOn == LedgerFixture.day)
        #expect(try await f.ledger.verifyChain().isIntact)
    }

    @Test("the credential of a rectification is stored and replayed: the same token cannot close it under another name", arguments: LedgerFixture.stores)
    func fourEyesStored(store: StoreKind) async throws {
        let f = try await LedgerFixture(store)
        let id = try #require(try await f.record(major: 0, general: 1).hazards.first)
        try await f.ledger.rectify(id, by: Person(name: "王五", role: "rpc department (bureau)", principal: "bureau"), on: LedgerFixture.day)
        #expect(try await f.ledger.hazard(id).state.rectifiedByPrincipal == "bureau")
        let error = await #expect(throws: IllegalTransition.self) {
            try await f.ledger.verify(id, by: Person(name: "王五 ", role: "rpc department (bureau)", principal: "bureau"), on: LedgerFixture.day)
        }
        #expect(error?.code == .selfVerification)
        try await f.ledger.verify(id, by: Person(name: "赵六", role: "rpc department (city)", principal: "city"), on: LedgerFixture.day)
        let chain = try await f.ledger.verifyChain()
        #expect(chain.isIntact, "\(chain.message)")
    }

    @Test("a write blocked by another writer past the busy timeout is recognised as busy (retryable)")
    func busyDatabase() async throws {
        try await LedgerFixture.withTemporaryDirectory { dir in
            let path = dir + "/ledger.sqlite"
            let clock = FixedClock(Timestamp(day: LedgerFixture.day))
            let holder = try Ledger.open(path: path, clock: clock)
            let blocked = try Ledger.open(path: path, clock: clock, busyTimeout: 0.05)
            let (inside, insideContinuation) = AsyncStream<Void>.makeStream()
            let release = DispatchSemaphore(value: 0)
            let holding = Task {
                try await holder.database.write { db in
                    try db.execute(sql: "INSERT INTO enterprise (uscc, name, region, sectors) VALUES ('x', 'x', '320581', '')")
                    insideContinuation.yield()
                    release.wait()
                }
            }
            var iterator = inside.makeAsyncIterator()
            _ = await iterator.next()
            let uscc = try USCC.completing("91320581MA1XXXXX0")
            var caught: (any Error)?
            do { try await blocked.register(Enterprise(uscc: uscc, name: "某公司", region: "320581", sectors: []), by: Person(name: "李四", role: "clerk")) } catch {
                caught = error
            }
            release.signal()
            try await holding.value
            let busy = try #require(caught.flatMap { LedgerError.busy(from: $0) })
            #expect(busy.code == .busy)
            #expect(LedgerError.busy(from: LedgerError(.invalidInput, "no")) == nil)
        }
    }
}
