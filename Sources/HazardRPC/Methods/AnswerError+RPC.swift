public import HazardCore
import HazardJSON

extension AnswerError: RPCErrorConvertible {
    /// -32005 with every issue in `data.issues`, so a form can mark each field.
    public var rpcError: RPCError {
        RPCError(.validationFailed, "answers do not fit checklist \(checklist): \(issues.count) issue\(issues.count == 1 ? "" : "s")",
                 data: .object([
                    "checklist": .string(checklist.rawValue),
                    "issues": .array(issues.map { issue in
                        .object(["code": .string(issue.code.rawValue), "path": .string(issue.path), "message": .string(issue.message)])
                    }),
                 ]))
    }
}
