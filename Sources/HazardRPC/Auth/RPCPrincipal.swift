import HazardLedger
import HazardJSON

/// Who is calling on a connection: a token's name, role and scope.
public struct RPCPrincipal: Sendable, Hashable {
    public var name: String
    public var role: RPCRole
    /// Checklist sectors in scope; nil means all.
    public var sectors: Set<String>?
    /// Administrative division codes (prefixes) in scope; nil means all.
    public var regions: [String]?
    /// A credential several people use (a shared console, an integration relaying for its
    /// users): events then name the person in `actor`, and the four-eyes rule tells people
    /// apart by that name. For any other credential the credential itself is the person.
    public var actsForSeveral: Bool

    public init(name: String, role: RPCRole, sectors: Set<String>? = nil, regions: [String]? = nil, actsForSeveral: Bool = false) {
        self.name = name
        self.role = role
        self.sectors = sectors
        self.regions = regions
        self.actsForSeveral = actsForSeveral
    }

    /// The principal of an unauthenticated server (loopback only): admin, no scope limit,
    /// acting for whoever is at the machine.
    public static let local = RPCPrincipal(name: "local", role: .admin, actsForSeveral: true)

    public func covers(sector: String) -> Bool {
        role == .admin || sectors.map { $0.contains(sector) } ?? true
    }

    /// Whether `region` (e.g. `310101`) is in scope. Scope codes are 6-digit region codes whose
    /// trailing `00` pairs widen them, as the ledger reads them: `310000` covers Shanghai,
    /// `310100` its districts, `310101` one district.
    public func covers(region: String) -> Bool {
        role == .admin || regions.map { $0.contains { region.hasPrefix(RegionCode.prefix(of: $0)) } } ?? true
    }

    /// - Throws: `RPCError` forbidden when `role` is below `needed`.
    public func require(_ needed: RPCRole, for method: String) throws(RPCError) {
        guard role >= needed else {
            throw RPCError(.forbidden, "\(method) needs role \(needed.rawValue); \(name) is \(role.rawValue)",
                           data: .object(["role": .string(role.rawValue), "needed": .string(needed.rawValue)]))
        }
    }

    /// - Throws: `RPCError` forbidden when the sector is out of scope.
    public func require(sector: String) throws(RPCError) {
        guard covers(sector: sector) else {
            throw RPCError(.forbidden, "sector '\(sector)' is outside the scope of \(name)",
                           data: .object(["scope": .string("sector"), "value": .string(sector)]))
        }
    }

    /// - Throws: `RPCError` forbidden when the region is out of scope.
    public func require(region: String) throws(RPCError) {
        guard covers(region: region) else {
            throw RPCError(.forbidden, "region '\(region)' is outside the scope of \(name)",
                           data: .object(["scope": .string("region"), "value": .string(region)]))
        }
    }

    var jsonValue: JSONValue {
        .object([
            "name": .string(name), "role": .string(role.rawValue),
            "sectors": sectors.map { .array($0.sorted().map { .string($0) }) } ?? .null,
            "regions": regions.map { .array($0.map { .string($0) }) } ?? .null,
        ])
    }
}
