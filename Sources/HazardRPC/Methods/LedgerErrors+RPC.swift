public import HazardLedger
import HazardJSON

extension IllegalTransition: RPCErrorConvertible {
    /// -32004: the lifecycle forbids the event; nothing changed.
    public var rpcError: RPCError {
        RPCError(.illegalTransition, message, data: .object(["reason": .string(code.rawValue)]))
    }
}

extension LedgerError: RPCErrorConvertible {
    public var rpcError: RPCError {
        switch code {
        case .unknownHazard: return RPCError(.notFound, message, data: .object(["kind": .string("hazard")]))
        case .unknownEnterprise: return RPCError(.notFound, message, data: .object(["kind": .string("enterprise")]))
        case .unknownInspection: return RPCError(.notFound, message, data: .object(["kind": .string("inspection")]))
        case .busy:
            return RPCError(.busy, message, data: .object(["retryable": .bool(true)]))
        case .invalidUSCC, .invalidRegion, .invalidInput, .implausibleDate:
            return RPCError(.validationFailed, message, data: .object([
                "issues": .array([.object(["code": .string(code.rawValue), "message": .string(message)])]),
            ]))
        case .newerSchema, .corruptRow, .readOnly:
            return RPCError(.internalError, "internal error")
        }
    }
}
