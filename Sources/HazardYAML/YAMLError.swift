public import HazardCore

/// A file that is not well-formed YAML (located where libyaml stopped), or one that crosses a
/// `YAMLLimits` cap (located where it did).
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// `yamlSyntax`, or one of `yamlTooLarge`, `yamlTooDeep`, `yamlTooManyNodes`.
    public var code: Diagnostic.Code
    public var message: String
    public var mark: SourceMark

    public init(_ code: Diagnostic.Code = .yamlSyntax, message: String, mark: SourceMark) {
        self.code = code
        self.message = message
        self.mark = mark
    }

    public var description: String { "\(mark): error: \(message) [\(code.rawValue)]" }
    public var diagnostic: Diagnostic { Diagnostic(code, message, at: mark) }
}
