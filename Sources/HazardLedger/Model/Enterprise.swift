/// An enterprise under inspection (生产经营单位).
public struct Enterprise: Hashable, Sendable {
    public var uscc: USCC
    public var name: String
    /// 6-digit administrative region code (行政区划代码) of where it operates, e.g. `320581`.
    public var region: String
    public var sectors: [String]
    public var sites: [String]

    /// - Throws: `LedgerError` `.invalidRegion` unless `region` is six digits.
    public init(uscc: USCC, name: String, region: String, sectors: [String], sites: [String] = []) throws(LedgerError) {
        guard region.utf8.count == 6, region.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw LedgerError(.invalidRegion, "region '\(region)' is not a 6-digit administrative region code (行政区划代码)")
        }
        guard !PersonName.isBlank(name) else { throw LedgerError(.invalidInput, "an enterprise needs a name") }
        self.uscc = uscc
        self.name = name
        self.region = region
        self.sectors = sectors
        self.sites = sites
    }
}
