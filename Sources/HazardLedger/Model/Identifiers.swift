/// A ledger row id: an `Int64` that encodes as a bare number, sorts and prints as one.
public protocol LedgerRowID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible
where RawValue == Int64 {
    init(rawValue: Int64)
}

extension LedgerRowID {
    public init(_ rawValue: Int64) { self.init(rawValue: rawValue) }
    public var description: String { String(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Row id of a hazard in the ledger.
public struct HazardID: LedgerRowID {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}

/// Row id of an inspection in the ledger.
public struct InspectionID: LedgerRowID {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
}
