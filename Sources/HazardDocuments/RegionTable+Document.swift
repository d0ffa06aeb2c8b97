import HazardLedger

extension RegionTable {
    /// What a document prints for a region: `江苏省苏州市常熟市（320581）`, the name an official
    /// writes with the code beside it, or the code alone when the GB/T 2260 table lacks it.
    static func documentLabel(_ code: String) -> String {
        fullName(of: code).map { "\($0)（\(code)）" } ?? code
    }
}
