import ArgumentParser
import HazardCore
import HazardLedger

struct LedgerEnterpriseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enterprise", abstract: "Register or update an enterprise.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "Unified social credit code (统一社会信用代码), 18 characters.") var uscc: String
    @Option(help: "Enterprise name.") var name: String
    @Option(help: "6-digit administrative region code.") var region: String
    @Option(help: "Sector (repeatable).") var sector: [String] = []
    @Option(help: "Site name (repeatable).") var site: [String] = []

    func run() async throws {
        let code = try LedgerOptions.uscc(uscc)
        let actor = try ledger.person()
        try await runLedgerAction {
            let e = try await ledger.open(.creating).register(Enterprise(uscc: code, name: name, region: region, sectors: sector, sites: site), by: actor)
            print("\(e.uscc) \(e.name) region \(e.region) sectors \(e.sectors.joined(separator: ",")) sites \(e.sites.joined(separator: ","))")
        }
    }
}
