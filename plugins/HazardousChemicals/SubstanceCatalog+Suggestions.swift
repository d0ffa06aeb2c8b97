import HazardCore

/// "Did you mean" for a substance no rule resolves. Suggestions only appear in the error: a
/// near miss is never counted as the row it resembles, because 乙酸丁酯 is one character away
/// from 乙酸乙酯 and is a different chemical with a different Q.
extension SubstanceCatalog {
    /// Every spelling that finds or names a row (ambiguous spellings too, so `硝酸氨` points to
    /// the 硝酸铵 rows), with the rows it stands for.
    static let suggestionCandidates: [(key: String, rows: [Int])] = {
        var candidates: [(key: String, rows: [Int])] = []
        for (key, hits) in index { candidates.append((key.text, hits.map(\.substance.number))) }
        for spelling in GB18218Table1.ambiguous { candidates.append((SubstanceKey(spelling.text).text, spelling.rows)) }
        return candidates
    }()

    /// Up to `limit` Table 1 rows spelled like `text`, best first, as citations
    /// (`乙酸乙酯（表1第69行，Q 500 t）`).
    ///
    /// A spelling is close when one contains the other (both at least two characters: `丙烯`
    /// → 丙烯醛, 2-丙烯腈) or when the edit distance is at most a third of the text's length
    /// (at least 1: `乙酸乙脂` → 乙酸乙酯, `7782-50-6` → 氯).
    static func suggestions(for text: String, limit: Int = 5) -> [String] {
        let query = SubstanceKey(text).text
        guard !query.isEmpty else { return [] }
        let maxDistance = max(1, query.count / 3)
        var best: [Int: (containment: Int, distance: Int)] = [:]
        for candidate in suggestionCandidates {
            let contained = query.count >= 2 && candidate.key.count >= 2
                && (candidate.key.contains(query) || query.contains(candidate.key))
            let distance = Suggestion.distance(query, candidate.key)
            guard contained || distance <= maxDistance else { continue }
            let score = (containment: contained ? 0 : 1, distance: distance)
            for row in candidate.rows {
                if let old = best[row], (old.containment, old.distance) <= (score.containment, score.distance) { continue }
                best[row] = score
            }
        }
        return best
            .sorted { ($0.value.containment, $0.value.distance, $0.key) < ($1.value.containment, $1.value.distance, $1.key) }
            .prefix(limit)
            .compactMap { row($0.key)?.citation }
    }
}
