/// Kleene three-valued truth: an unanswered input makes a condition `unknown`, never false.
enum Truth: UInt8, Sendable {
    case no = 0, yes = 1, unknown = 2

    init(_ b: Bool) { self = b ? .yes : .no }

    static prefix func ! (t: Truth) -> Truth {
        switch t { case .no: return .yes; case .yes: return .no; case .unknown: return .unknown }
    }
}
