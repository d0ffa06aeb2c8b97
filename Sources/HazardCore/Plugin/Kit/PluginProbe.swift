/// Runs a plugin the way the engine does, for plugin unit tests: builds `Answers` from plain
/// values and checks that what `derive` returns is declared, with the declared type. A plugin
/// that returns an undeclared fact or the wrong type fails here rather than at grading time.
public struct PluginProbe<Plugin: SectorPlugin>: Sendable {
    public let plugin: Plugin
    public var inspectionDate: Day?

    public init(_ plugin: Plugin, inspectionDate: Day? = nil) {
        self.plugin = plugin
        self.inspectionDate = inspectionDate
    }

    /// The facts derived from `values`.
    /// - Throws: the plugin's `PluginError`, or a `PluginError` with code `probe.undeclared_fact`
    ///   / `probe.fact_type` when the plugin broke its own declaration.
    public func facts(_ values: [QuestionID: Value], on date: Day? = nil) throws(PluginError) -> Facts {
        let facts = try plugin.derive(from: Answers(values, inspectionDate: date ?? inspectionDate))
        let declared = Dictionary(plugin.declaredFacts.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        for (name, value) in facts.values {
            guard let type = declared[name] else {
                throw PluginError(code: "probe.undeclared_fact", message: "\(plugin.id).\(name) is not in declaredFacts")
            }
            guard Self.value(value, fits: type) else {
                throw PluginError(code: "probe.fact_type", message: "\(plugin.id).\(name) is \(value), not \(type)")
            }
        }
        return facts
    }

    static func value(_ value: Value, fits type: ValueType) -> Bool {
        switch (value, type) {
        case (.bool, .boolean), (.number, .number), (.date, .date), (.string, .text), (.list, .list): return true
        case (.string(let option), .enumeration(let options)): return options.contains(option)
        default: return false
        }
    }

    /// One numeric fact, nil when the plugin left it out (unknown).
    public func number(_ fact: String, _ values: [QuestionID: Value], on date: Day? = nil) throws(PluginError) -> Double? {
        try facts(values, on: date)[fact]?.number
    }

    /// One boolean fact, nil when the plugin left it out (unknown).
    public func bool(_ fact: String, _ values: [QuestionID: Value], on date: Day? = nil) throws(PluginError) -> Bool? {
        try facts(values, on: date)[fact]?.bool
    }

    /// Calls a function the plugin declares, as an expression would; nil for unknown.
    public func call(_ function: String, _ arguments: [Value?]) -> Value? {
        plugin.functions.first { $0.name == function }?.body(arguments)
    }
}
