/// A sector's evaluator: derives facts (e.g. GB 18218 `hazchem.R`) from answers and adds
/// functions that a plain condition cannot express.
///
/// A plugin is pure: the same answers give the same facts. It knows no YAML, SQLite or
/// sockets; the `hazard` executable registers the built-in plugins in a `PluginRegistry`.
public protocol SectorPlugin: Sendable {
    /// What a checklist's `plugin:` names, and the prefix of its facts (`hazchem`).
    var id: String { get }
    /// One line for `hazard checklists` and `engine.info`.
    var summary: String { get }
    /// Facts `derive` may return; expressions are type-checked against these at load.
    var declaredFacts: [FactDeclaration] { get }
    /// Questions the plugin reads; a checklist using the plugin must declare each one with a
    /// compatible type.
    var declaredInputs: [InputDeclaration] { get }
    /// Functions callable as `plugin.name(args)` in expressions.
    var functions: [PluginFunction] { get }
    /// Derives the facts from the answers. A fact left out is unknown (its inputs were not
    /// answered). Bad input the questions cannot catch (an unknown substance) throws.
    func derive(from answers: Answers) throws(PluginError) -> Facts
}

extension SectorPlugin {
    public var summary: String { "" }
    public var declaredInputs: [InputDeclaration] { [] }
    public var functions: [PluginFunction] { [] }
}

/// A fact a plugin derives: `name` without the plugin prefix.
public struct FactDeclaration: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public var label: String
    public init(_ name: String, _ type: ValueType, label: String) {
        self.name = name
        self.type = type
        self.label = label
    }
}

/// A question a plugin reads. For `.list` the named fields must exist with those types
/// (the checklist may have more); for `.enumeration` every option the checklist offers
/// must be one the plugin knows.
public struct InputDeclaration: Sendable, Hashable {
    public var question: QuestionID
    public var type: ValueType
    public init(_ question: QuestionID, _ type: ValueType) {
        self.question = question
        self.type = type
    }
}

/// A function a plugin adds to the expression language.
public struct PluginFunction: Sendable {
    public var name: String
    public var parameters: [ValueType]
    public var result: ValueType
    /// Called with the argument values (nil = unknown); returns nil for unknown.
    public var body: @Sendable ([Value?]) -> Value?
    public init(_ name: String, parameters: [ValueType], result: ValueType, body: @escaping @Sendable ([Value?]) -> Value?) {
        self.name = name
        self.parameters = parameters
        self.result = result
        self.body = body
    }
}

/// Facts derived by one plugin, keyed by fact name without the prefix.
public struct Facts: Sendable, Hashable {
    public var values: [String: Value]
    public init(_ values: [String: Value] = [:]) { self.values = values }
    public subscript(_ name: String) -> Value? {
        get { values[name] }
        set { values[name] = newValue }
    }
}

/// An answer a plugin cannot use, e.g. a substance GB 18218 does not list.
public struct PluginError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var question: QuestionID?
    /// Zero-based index of the offending record in a list answer.
    public var recordIndex: Int?
    public init(code: String, message: String, question: QuestionID? = nil, recordIndex: Int? = nil) {
        self.code = code
        self.message = message
        self.question = question
        self.recordIndex = recordIndex
    }
    public var description: String {
        var location = question.map { "\($0.rawValue)" } ?? ""
        if let recordIndex { location += "[\(recordIndex)]" }
        return (location.isEmpty ? "" : location + ": ") + message + " [\(code)]"
    }
}
