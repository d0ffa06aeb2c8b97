import HazardJSON
import Logging
import NIOCore

/// What a request is counted under when it names no method the server offers.
enum RPCRequestLabel {
    /// A frame or entry that is not a request (bad JSON, bad envelope).
    static let invalid = "(invalid)"
    /// A method the server does not offer: one label for all, so clients cannot grow the label set.
    static let unknown = "(unknown)"
}

extension RPCDispatcher {
    /// Records one answered request: a log record — at debug when it succeeded, at warning
    /// when it was an error — with its method, id, duration and outcome, and, when metrics
    /// are on, its count and duration. `id` is only evaluated when the record is logged.
    func observe(_ method: String, instruments: RPCMethodInstruments?, id: @autoclosure () -> String, since start: NIODeadline, error: RPCError?) {
        let nanoseconds = (NIODeadline.now() - start).nanoseconds
        if let requestMetrics {
            let known = instruments ?? requestMetrics.instruments(for: label(method))
            known.record(nanoseconds: nanoseconds, errorCode: error?.code)
        }
        if let error {
            logger.warning("rpc.request", metadata: [
                "rpc.method": "\(logName(method))", "rpc.id": "\(id())", "rpc.duration_us": "\(nanoseconds / 1000)",
                "rpc.outcome": "error", "rpc.code": "\(error.code)", "rpc.error": "\(JSONWriter.string(.string(error.message)))",
            ])
        } else {
            logger.debug("rpc.request", metadata: [
                "rpc.method": "\(logName(method))", "rpc.id": "\(id())", "rpc.duration_us": "\(nanoseconds / 1000)", "rpc.outcome": "ok",
            ])
        }
    }

    /// The metrics label of a requested name.
    private func label(_ method: String) -> String {
        method == RPCRequestLabel.invalid || method == "session.authenticate" || methods[method] != nil ? method : RPCRequestLabel.unknown
    }

    /// A name as logged: an unknown one JSON-quoted, so no client text can forge a log line.
    private func logName(_ method: String) -> String {
        label(method) == RPCRequestLabel.unknown ? JSONWriter.string(.string(String(method.prefix(128)))) : method
    }
}
