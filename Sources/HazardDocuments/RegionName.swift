/// How a document names an administrative region (行政区划).
///
/// For now the code itself: the GB/T 2260 name table is being added to HazardLedger
/// separately. When it lands, `name(of:)` is the one place to point at it (return the full
/// name, e.g. 江苏省苏州市常熟市 for 320581); every document shows `name（code）` then.
enum RegionName {
    /// The region's full name, nil when not known.
    static func name(of code: String) -> String? { nil }

    /// What a document prints: `name（code）`, or the code alone while no name is known.
    static func display(_ code: String) -> String {
        name(of: code).map { "\($0)（\(code)）" } ?? code
    }
}
