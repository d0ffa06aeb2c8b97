public import HazardCore

/// A file that is not well-formed YAML, located where libyaml stopped.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var mark: SourceMark
    public var description: String { "\(mark): error: \(message) [yamlSyntax]" }
    public var diagnostic: Diagnostic { Diagnostic(.yamlSyntax, message, at: mark) }
}
