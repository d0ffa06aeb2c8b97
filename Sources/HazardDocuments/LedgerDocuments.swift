import Foundation
import HazardCore
public import HazardLedger

/// Makes a document from what the ledger holds about one inspection: the inspection, its
/// stored evaluation, its hazards and their events. Every document of an inspection is
/// numbered from its ids (`DocumentNumber`).
public enum LedgerDocuments {
    /// The HTML of `kind` for inspection `id`.
    ///
    /// - Throws: `LedgerError` (`.unknownInspection`…), `DocumentError` (`.nothingToDocument`
    ///   for a review before any review, `.unreadableEvaluation`); GRDB errors.
    public static func html(_ kind: DocumentKind, inspection id: InspectionID, in ledger: Ledger) async throws -> String {
        let inspection = try await ledger.inspection(id)
        var details: [HazardDetail] = []
        for hazard in inspection.hazards { details.append(try await ledger.detail(hazard)) }
        let hazards = details.map(\.hazard)
        switch kind {
        case .record:
            return InspectionRecordDocument(evaluation: try evaluation(of: inspection), inspection: inspection, hazards: hazards).html()
        case .notice:
            return RectificationNoticeDocument(inspection: inspection, evaluation: try evaluation(of: inspection), hazards: hazards).html()
        case .review:
            return try ReviewOpinionDocument(inspection: inspection, trails: details.map(VerificationTrail.init)).html()
        }
    }

    /// The evaluation stored with the inspection.
    static func evaluation(of inspection: InspectionRecord) throws(DocumentError) -> Evaluation {
        do {
            return try JSONDecoder().decode(Evaluation.self, from: Data(inspection.evaluationJSON.utf8))
        } catch {
            throw DocumentError(.unreadableEvaluation, "the evaluation stored with inspection \(inspection.id) does not decode: \(error)")
        }
    }
}
