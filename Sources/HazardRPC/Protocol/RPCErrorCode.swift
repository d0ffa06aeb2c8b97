/// The error codes of `rpc/PROTOCOL.md` §3: JSON-RPC 2.0's standard codes and ours.
public enum RPCErrorCode: Int, Sendable, Hashable, CaseIterable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case unauthenticated = -32001
    case forbidden = -32002
    case notFound = -32003
    case illegalTransition = -32004
    case validationFailed = -32005
    /// The ledger is locked by another writer past the busy timeout; the same call may be retried.
    case busy = -32006
    case frameError = -32010
    case overloaded = -32011
    case shuttingDown = -32012
    /// A response (or a batch's responses together) would pass `max_response`; see `RPCError.responseTooLarge`.
    case responseTooLarge = -32013
    /// A limit on what a request may carry or ask for (answer text, list lengths) was passed.
    case limitExceeded = -32014
    /// `checklists.reload` found errors in the checklist files; the old set is still served.
    case reloadFailed = -32015
    /// The ledger this server uses accepts no writes (a PostgreSQL hot standby, a read-only
    /// session); nothing was written. Writes go to a server on the primary.
    case readOnly = -32016
}
