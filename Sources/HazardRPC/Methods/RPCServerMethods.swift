import HazardJSON

/// Assembles the method table `hazard serve` offers.
public enum RPCServerMethods {
    /// Engine methods plus, once the ledger is attached, the ledger's, and `checklists.reload`
    /// when the server can reload (`RPCChecklistCatalog.reloadMethod`, admin only). `engine.info`
    /// lists the names of this very table (and `session.authenticate`, which the dispatcher
    /// answers), so a method added anywhere is listed without a hand-kept list to forget.
    public static func make(engine: RPCEngineMethods, configuration: RPCServerConfiguration, authenticated: Bool,
                            extra: [RPCMethod] = [], reload: RPCMethod? = nil) -> [RPCMethod] {
        let extra = extra + (reload.map { [$0] } ?? [])
        let names = (engine.methods(info: { [] }) + extra).map(\.name)
        let listed = Set(names + [RPCDispatcher.authenticateMethod]).sorted()
        let info: @Sendable () -> [JSONMember] = {
            [
                JSONMember(key: "auth", value: .bool(authenticated)),
                JSONMember(key: "methods", value: .array(listed.map { .string($0) })),
                JSONMember(key: "limits", value: .object([
                    "max_frame": .number(configuration.maxFrameLength),
                    "max_connections": .number(configuration.maxConnections),
                    "max_response": .number(configuration.maxResponseLength),
                    "idle_timeout_seconds": .number(Double(configuration.idleTimeout.components.seconds)
                                                    + Double(configuration.idleTimeout.components.attoseconds) / 1e18),
                ])),
            ]
        }
        return engine.methods(info: info) + extra
    }
}
