/// The plugins a process knows, by id. Built once by the composition root (`hazard`) and
/// passed down: there is no global registry.
public struct PluginRegistry: Sendable {
    public private(set) var plugins: [String: any SectorPlugin] = [:]

    public init(_ plugins: [any SectorPlugin] = []) {
        for plugin in plugins { register(plugin) }
    }

    public mutating func register(_ plugin: any SectorPlugin) {
        precondition(plugins[plugin.id] == nil, "plugin \(plugin.id) registered twice")
        plugins[plugin.id] = plugin
    }

    public subscript(_ id: String) -> (any SectorPlugin)? { plugins[id] }

    public var ids: [String] { plugins.keys.sorted() }
}
