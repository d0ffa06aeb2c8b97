public import HazardJSON

extension Enterprise {
    /// An enterprise's one wire encoding (`enterprises.register`).
    public var jsonValue: JSONValue {
        .object([
            "uscc": .string(uscc.rawValue), "name": .string(name), "region": .string(region),
            "sectors": .array(sectors.map { .string($0) }), "sites": .array(sites.map { .string($0) }),
        ])
    }
}
