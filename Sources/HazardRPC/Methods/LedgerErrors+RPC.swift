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
            return .validationFailed(message, code: code.rawValue)
        // The ledger's own message names the database (host, user); a client is told what to do.
        case .readOnly:
            return RPCError(.readOnly, "the ledger is read-only here (a hot standby or a read-only session): nothing was written; send writes to a server on the primary",
                            data: .object(["retryable": .bool(false)]))
        case .newerSchema, .corruptRow:
            return RPCError(.internalError, "internal error")
        }
    }
}
