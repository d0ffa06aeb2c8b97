import HazardCore
import HazardLedger
import Testing

/// Each ledger type has one JSON encoding (`Sources/HazardLedger/Encoding/`), the one the CLI,
/// the RPC results and the stored rows use. A Foundation `Codable` conformance would be a
/// second one — it wrote camelCase keys and epoch milliseconds — that a library user could
/// reach for by accident.
@Suite("One JSON encoding per ledger type")
struct OneEncodingTests {
    static let types: [(name: String, type: Any.Type)] = [
        ("Hazard", Hazard.self), ("HazardDetail", HazardDetail.self), ("HazardState", HazardState.self),
        ("HazardEvent", HazardEvent.self), ("LifecycleChange", LifecycleChange.self), ("Enterprise", Enterprise.self),
        ("DispatchReport", DispatchReport.self), ("ChainReport", ChainReport.self), ("ChainedEvent", ChainedEvent.self),
        ("ChainHead", ChainHead.self), ("Person", Person.self), ("Timestamp", Timestamp.self), ("RectificationPlan", RectificationPlan.self),
        ("InspectionRecord", InspectionRecord.self), ("RegionCode", RegionCode.self), ("USCC", USCC.self),
    ]

    @Test("no ledger type is Foundation-Encodable or Decodable", arguments: types.indices)
    func notCodable(index: Int) {
        let (name, type) = Self.types[index]
        #expect(!(type is any Encodable.Type), "\(name) has a second encoding through Encodable")
        #expect(!(type is any Decodable.Type), "\(name) has a second decoding through Decodable")
    }
}
