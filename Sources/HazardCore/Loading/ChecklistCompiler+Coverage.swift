extension ChecklistCompiler {
    /// Checks criteria against the standard's declared items and counts the coverage.
    ///
    /// A criterion naming an item the standard does not declare is an error (a typo would
    /// otherwise hide a gap); a declared item no criterion encodes is a warning, so `hazard lint`
    /// shows what of the text is missing. A criterion that names no item counts for its clause.
    /// (A standard that declares no items gets its warning only once the file loads, so it does
    /// not crowd a broken file's errors.)
    static func checkCoverage(_ definition: ChecklistDefinition, diagnostics: inout [Diagnostic]) -> Coverage {
        let items = definition.standardItems.map(\.value)
        guard !items.isEmpty else { return Coverage(declared: 0, encoded: 0, textMissing: 0, uncovered: []) }
        var declared: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            if declared[item.id] != nil {
                diagnostics.append(Diagnostic(.duplicateID, "standard item '\(item.id)' is declared twice", at: definition.standardItems[index].mark))
            } else {
                declared[item.id] = index
            }
        }
        var encodedBy = [Int](repeating: 0, count: items.count)
        for criterion in definition.criteria {
            let named = criterion.items.isEmpty ? [Located(criterion.clause, at: criterion.id.mark)] : criterion.items
            for item in named {
                if let index = declared[item.value] {
                    encodedBy[index] += 1
                } else {
                    let hint = Suggestion.hint(for: item.value, in: declared.keys)
                    let how = criterion.items.isEmpty ? "its clause '\(item.value)' is not a declared item; name the item with 'item:'" : "unknown item '\(item.value)'"
                    diagnostics.append(Diagnostic(.unknownItem, "criterion '\(criterion.id.value)': \(how)\(hint)", at: item.mark))
                }
            }
        }
        var uncovered: [String] = []
        var encoded = 0, textMissing = 0
        for (index, item) in items.enumerated() where declared[item.id] == index {
            if item.textMissing != nil {
                textMissing += 1
            } else if encodedBy[index] > 0 {
                encoded += 1
            } else {
                uncovered.append(item.id)
                let topic = item.title.map { " (\($0))" } ?? ""
                diagnostics.append(Diagnostic(.uncoveredItem, "item '\(item.id)'\(topic) of \(definition.standard.code) is encoded by no criterion",
                                              at: definition.standardItems[index].mark, severity: .warning))
            }
        }
        return Coverage(declared: declared.count, encoded: encoded, textMissing: textMissing, uncovered: uncovered)
    }
}
