/// Assembles the method table `hazard serve` offers.
public enum RPCServerMethods {
    /// Engine methods plus, once the ledger is attached, the ledger's.
    public static func make(engine: RPCEngineMethods, configuration: RPCServerConfiguration, authenticated: Bool,
                            extra: [RPCMethod] = []) -> [RPCMethod] {
        let names = (["engine.info", "checklists.list", "checklists.get", "hazard.grade", "inspection.next", "session.authenticate"] + extra.map(\.name)).sorted()
        let info: @Sendable () -> [JSONMember] = {
            [
                JSONMember(key: "auth", value: .bool(authenticated)),
                JSONMember(key: "methods", value: .array(names.map { .string($0) })),
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
