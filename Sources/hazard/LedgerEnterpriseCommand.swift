import ArgumentParser
import HazardCore
import HazardLedger

struct LedgerEnterpriseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enterprise", abstract: "Register or update an enterprise.")

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var who: ActorOptions
    @Argument(help: "Unified social credit code (统一社会信用代码), 18 characters.") var uscc: String
    @Option(help: "Enterprise name.") var name: String
    @Option(help: "6-digit administrative region code.") var region: String
    @Option(help: "Sector (repeatable); re-registering without --sector keeps the sectors on record.") var sector: [String] = []
    @Option(help: "Site name (repeatable); sites are added to those on record.") var site: [String] = []

    func run() async throws {
        let code = try LedgerOptions.uscc(uscc)
        let actor = who.person
        try await runLedgerAction {
            let enterprise = try Enterprise(uscc: code, name: name, region: region, sectors: sector, sites: site)
            let registration = try await ledger.open(.creating).register(enterprise, by: actor)
            for line in Self.report(registration, sectorsGiven: !sector.isEmpty) { print(line) }
        }
    }

    /// What the registration did: the enterprise as stored, then each change (or that nothing
    /// changed), and that the sectors were kept when none were given.
    static func report(_ r: EnterpriseRegistration, sectorsGiven: Bool) -> [String] {
        let e = r.enterprise
        let list = { (values: [String]) in values.isEmpty ? "—" : values.joined(separator: ",") }
        var lines = ["\(r.isNew ? "registered" : "updated") \(e.uscc) \(e.name) · region \(RegionTable.label(e.region)) · sectors \(list(e.sectors)) · sites \(list(e.sites))"]
        guard !r.isNew else { return lines }
        let changes = r.changeDescriptions
        lines += changes.isEmpty ? ["  nothing changed"] : changes.map { "  changed \($0)" }
        if !sectorsGiven, !e.sectors.isEmpty { lines.append("  sectors kept (no --sector given): \(list(e.sectors))") }
        return lines
    }
}
