import HazardCore
public import HazardLedger
import HazardJSON
import HazardCoreJSON

/// The methods backed by the hazard ledger: enterprises, inspections, hazards and their
/// lifecycle, the dispatch report. Every SQLite access goes through the ledger's async API
/// (GRDB's own threads), never on an event loop.
public struct RPCLedgerMethods: Sendable {
    public let ledger: Ledger
    public let engine: RPCEngineMethods

    public init(ledger: Ledger, engine: RPCEngineMethods) {
        self.ledger = ledger
        self.engine = engine
    }

    var today: Day { ledger.clock.now().day }

    /// The sectors `enterprises.register` accepts: those of the loaded checklists, so an
    /// enterprise's sectors are always ones inspections can be recorded under.
    var knownSectors: Set<String> { Set(engine.checklists.map(\.sector)) }

    /// The methods, each answering a busy database (SQLITE_BUSY past the busy timeout) with
    /// the retryable -32006 rather than an internal error.
    public func methods() -> [RPCMethod] {
        allMethods().map { method in
            guard case .async(let body) = method.body else { return method }
            var wrapped = method
            wrapped.body = .async { params, principal in
                do { return try await body(&params, principal) } catch {
                    if let busy = LedgerError.busy(from: error) { throw busy }
                    throw error
                }
            }
            return wrapped
        }
    }

    private func allMethods() -> [RPCMethod] {
        [
            RPCMethod("enterprises.register", role: .inspector) { params, principal in
                let uscc = try Self.uscc(try params.string("uscc"), field: "uscc")
                let name = try params.string("name")
                let region = try Self.region(try params.string("region"))
                let sectors = try params.optionalStrings("sectors") ?? []
                let sites = try params.optionalStrings("sites") ?? []
                try params.finish()
                for sector in sectors where !knownSectors.contains(sector) {
                    throw RPCError.validationFailed("unknown sector '\(sector)': sectors are those of the loaded checklists (\(knownSectors.sorted().joined(separator: ", ")))",
                                                    code: "unknownSector", path: "sectors")
                }
                try principal.require(region: region)
                for sector in sectors { try principal.require(sector: sector) }
                let enterprise = try Enterprise(uscc: uscc, name: name, region: region, sectors: sectors, sites: sites)
                // Checked against the row as stored, in the write's transaction: the scope must
                // cover the enterprise where it is now, and only an admin moves or renames it.
                return try await ledger.register(enterprise, by: Self.actor(principal, nil)) { existing throws(RPCError) in
                    guard let existing, principal.role != .admin else { return }
                    try principal.require(region: existing.region)
                    if existing.region != enterprise.region || existing.name != enterprise.name {
                        throw RPCError(.forbidden, "only an admin moves an enterprise to another region or renames it (\(existing.uscc) is '\(existing.name)' in \(existing.region))",
                                       data: .object(["role": .string(principal.role.rawValue), "needed": .string(RPCRole.admin.rawValue)]))
                    }
                }.jsonValue
            },
            RPCMethod("inspection.record", role: .inspector) { params, principal in
                try RPCRecordLimits.check(params.value)
                let evaluation = try engine.grade(&params, principal: principal, finish: false)
                // A ledger entry needs the day the site was inspected; grading alone does not.
                guard evaluation.inspectionDate != nil else {
                    throw RPCError.invalidParams("missing inspection_date: an inspection is recorded with the day it took place", field: "inspection_date", expected: "a date YYYY-MM-DD")
                }
                let uscc = try Self.uscc(try params.string("enterprise"), field: "enterprise")
                let site = try params.optionalString("site")
                let kindText = try params.optionalString("kind") ?? InspectionKind.department.rawValue
                guard let kind = InspectionKind(rawValue: kindText) else {
                    throw RPCError.invalidParams("kind must be one of \(InspectionKind.allCases.map(\.rawValue).joined(separator: ", "))",
                                                 field: "kind", expected: "self | department | supervision | public_report")
                }
                let inspectors = try params.optionalStrings("inspectors") ?? [principal.name]
                let signedBy = try params.optionalString("signed_by") ?? inspectors.first ?? principal.name
                let signature = try params.optionalString("signature")
                let actorName = try params.optionalString("actor")
                try params.finish()
                guard let enterprise = try await ledger.enterprise(uscc) else { throw RPCError.notFound("enterprise", uscc.rawValue) }
                try principal.require(region: enterprise.region)
                let sector = engine.checklists.first { $0.id == evaluation.checklist.id }?.sector ?? ""
                let input = InspectionInput(enterprise: uscc, site: site, kind: kind, inspectors: inspectors, date: evaluation.inspectionDate,
                                            sector: sector, signedBy: signedBy, signature: signature)
                let recorded = try await ledger.record(input, evaluation: evaluation, by: Self.actor(principal, actorName))
                var hazards: [JSONValue] = []
                for id in recorded.hazards { hazards.append(try await ledger.hazard(id).jsonValue(today: today)) }
                return JSONValue.object([
                    "inspection": .number(Int(recorded.inspection.rawValue)),
                    "hazards": .array(hazards),
                    "evaluation": evaluation.jsonValue,
                ])
            },
            RPCMethod("hazards.list", role: .reader) { params, principal in
                try await list(&params, principal: principal)
            },
            RPCMethod("hazards.get", role: .reader) { params, principal in
                let id = try Self.hazardID(&params)
                try params.finish()
                let detail = try await ledger.detail(id)
                try Self.requireScope(detail.hazard, principal)
                return detail.jsonValue(today: today)
            },
            transition("hazards.plan", role: .inspector) { params, id, actor, day in
                let plan = RectificationPlan(responsible: try params.optionalString("responsible"), measures: try params.optionalString("measures"),
                                             funds: try params.optionalString("funds"), deadline: try params.optionalDay("deadline"),
                                             contingency: try params.optionalString("contingency"))
                try params.finish()
                return try await ledger.plan(plan, for: id, by: actor, on: day)
            },
            transition("hazards.rectify", role: .inspector) { params, id, actor, day in
                let note = try params.optionalString("note")
                try params.finish()
                return try await ledger.rectify(id, note: note, by: actor, on: day)
            },
            transition("hazards.verify", role: .department) { params, id, actor, day in
                let note = try params.optionalString("note")
                try params.finish()
                return try await ledger.verify(id, note: note, by: actor, on: day)
            },
            transition("hazards.reject", role: .department) { params, id, actor, day in
                let reason = try params.string("reason")
                try params.finish()
                return try await ledger.reject(id, reason: reason, by: actor, on: day)
            },
            transition("hazards.supervise", role: .department) { params, id, actor, day in
                let authority = try params.string("authority")
                let deadline = try params.optionalDay("deadline")
                try params.finish()
                return try await ledger.supervise(id, authority: authority, deadline: deadline, by: actor, on: day)
            },
            transition("hazards.unsupervise", role: .department) { params, id, actor, day in
                let note = try params.optionalString("note")
                try params.finish()
                return try await ledger.unsupervise(id, note: note, by: actor, on: day)
            },
            RPCMethod("reports.dispatch", role: .department) { params, principal in
                let to = try params.optionalDay("to") ?? today
                let from = try params.optionalDay("from") ?? Day(daysSinceEpoch: 0)
                var region = try params.optionalString("region").map(Self.region)
                let sector = try params.optionalString("sector")
                try params.finish()
                if let region { try principal.require(region: region) }
                if let sector { try principal.require(sector: sector) }
                if region == nil, principal.role != .admin, let scope = principal.regions {
                    guard scope.count == 1 else {
                        throw RPCError.invalidParams("name one region of your scope (\(scope.joined(separator: ", ")))", field: "region", expected: "a region code")
                    }
                    region = scope[0]
                }
                var sectorInScope = sector
                if sectorInScope == nil, principal.role != .admin, let scope = principal.sectors {
                    guard scope.count == 1, let only = scope.first else {
                        throw RPCError.invalidParams("name one sector of your scope (\(scope.sorted().joined(separator: ", ")))", field: "sector", expected: "a sector")
                    }
                    sectorInScope = only
                }
                return try await ledger.dispatchReport(DispatchQuery(from: from, to: to, region: region, sector: sectorInScope)).jsonValue
            },
        ]
    }

    /// A lifecycle transition: reads `id`, optional `day` and `actor`, checks the hazard's
    /// scope, then applies the change.
    private func transition(_ name: String, role: RPCRole,
                            _ apply: @escaping @Sendable (inout RPCParams, HazardID, Person, Day) async throws -> Hazard) -> RPCMethod {
        RPCMethod(name, role: role) { params, principal in
            let id = try Self.hazardID(&params)
            let day = try params.optionalDay("day") ?? today
            let actor = Self.actor(principal, try params.optionalString("actor"))
            try Self.requireScope(try await ledger.hazard(id), principal)
            let hazard = try await apply(&params, id, actor, day)
            return JSONValue.object(["hazard": hazard.jsonValue(today: today)])
        }
    }

    private func list(_ params: inout RPCParams, principal: RPCPrincipal) async throws -> JSONValue {
        var filter = HazardFilter()
        filter.openOnly = try params.optionalBool("open_only") ?? true
        if let statuses = try params.optionalStrings("status") {
            filter.statuses = try statuses.map { text throws(RPCError) in
                guard let status = HazardStatus(rawValue: text) else {
                    throw RPCError.invalidParams("unknown status '\(text)'", field: "status", expected: HazardStatus.allCases.map(\.rawValue).joined(separator: " | "))
                }
                return status
            }
            if filter.statuses?.contains(.closed) == true { filter.openOnly = false }
        }
        if let grade = try params.optionalString("grade") {
            guard let value = Grade(rawValue: grade) else { throw RPCError.invalidParams("grade must be major or general", field: "grade", expected: "major | general") }
            filter.grade = value
        }
        if let source = try params.optionalString("source") {
            guard let value = InspectionKind(rawValue: source) else {
                throw RPCError.invalidParams("unknown source '\(source)'", field: "source", expected: InspectionKind.allCases.map(\.rawValue).joined(separator: " | "))
            }
            filter.source = value
        }
        let region = try params.optionalString("region").map(Self.region)
        filter.sector = try params.optionalString("sector")
        if let enterprise = try params.optionalString("enterprise") { filter.enterprise = try Self.uscc(enterprise, field: "enterprise") }
        filter.overdueAsOf = try params.optionalDay("overdue_as_of")
        filter.supervisedOnly = try params.optionalBool("supervised_only") ?? false
        filter.limit = try params.optionalInt("limit", in: 1...1000) ?? 100
        filter.offset = try params.optionalInt("offset", in: 0...Int(Int32.max)) ?? 0
        try params.finish()
        if let region { try principal.require(region: region) }
        if let sector = filter.sector { try principal.require(sector: sector) }

        // The principal's scope is part of the query (regions ORed, nested ones once; sectors
        // IN), so `limit` counts only rows the caller may see and a page is never short.
        if principal.role != .admin {
            if let regions = principal.regions { filter.scopeRegions = regions.compactMap(RegionCode.init(rawValue:)) }
            filter.scopeSectors = principal.sectors
        }
        if let region { filter.region = region }
        let visible = try await ledger.hazards(filter)
        let today = self.today
        return Hazard.listJSON(visible, today: today)
    }

    // MARK: Helpers

    /// The person an event records: `actor` when given (the person a shared credential acts
    /// for), else the token's name; always with the credential, which the four-eyes rule
    /// compares unless the credential acts for several people.
    static func actor(_ principal: RPCPrincipal, _ name: String?) -> Person {
        Person(name: name ?? principal.name, role: "rpc \(principal.role.rawValue) (\(principal.name))",
               principal: principal.name, actsForSeveral: principal.actsForSeveral)
    }

    /// A USCC from member `field`; a malformed one is -32005 `invalidUSCC` at that member.
    static func uscc(_ text: String, field: String) throws(RPCError) -> USCC {
        do { return try USCC(text) } catch {
            throw RPCError.validationFailed(error.message, code: error.code.rawValue, path: field)
        }
    }

    /// A region code from member `region`, checked before any scope check so that a malformed
    /// code is -32005 `invalidRegion` for everyone, never -32002.
    static func region(_ text: String) throws(RPCError) -> String {
        do { return try RegionCode(text).rawValue } catch {
            throw RPCError.validationFailed(error.message, code: error.code.rawValue, path: "region")
        }
    }

    static func hazardID(_ params: inout RPCParams) throws(RPCError) -> HazardID {
        guard let id = try params.optionalInt("id", in: 1...Int(Int64.max)) else {
            throw RPCError.invalidParams("missing id (an integer)", field: "id", expected: "an integer")
        }
        return HazardID(Int64(id))
    }

    /// A hazard outside the principal's region or sector answers exactly as an unknown id
    /// does (-32003, same message and data), so ids do not reveal where hazards are.
    static func requireScope(_ hazard: Hazard, _ principal: RPCPrincipal) throws(LedgerError) {
        guard principal.covers(region: hazard.region), principal.covers(sector: hazard.sector) else {
            throw LedgerError.unknownHazard(hazard.id)
        }
    }
}
