/// One authoring mistake in a checklist, located at `file:line:column`.
///
/// Loaders collect diagnostics instead of stopping at the first, so `hazard lint` reports
/// every problem of a file in one run.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case yamlSyntax
        /// A file over `YAMLLimits.maxInputBytes`.
        case yamlTooLarge
        /// Lists and mappings nested deeper than `YAMLLimits.maxDepth`.
        case yamlTooDeep
        /// More nodes than `YAMLLimits.maxNodes`, with every alias expanded.
        case yamlTooManyNodes
        case unknownKey
        case missingKey
        case wrongType
        case invalidValue
        case duplicateID
        case unknownSection
        case expressionSyntax
        case unknownIdentifier
        case typeMismatch
        case unknownPlugin
        case pluginInput
        case criteriaCycle
        case unknownCriterion
        case unknownItem
        case uncoveredItem
        case missingAdvice
        /// `standard.successor` names a checklist not loaded with it (a warning: the grading
        /// warning would send the inspector to a checklist this set does not serve).
        case unknownSuccessor
    }

    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var code: Code
    public var severity: Severity
    public var message: String
    public var mark: SourceMark

    public init(_ code: Code, _ message: String, at mark: SourceMark, severity: Severity = .error) {
        self.code = code
        self.severity = severity
        self.message = message
        self.mark = mark
    }

    public var description: String { "\(mark): \(severity.rawValue): \(message) [\(code.rawValue)]" }
}

/// A checklist that failed to load: all its diagnostics, in file order.
public struct ChecklistError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted { $0.mark < $1.mark } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
