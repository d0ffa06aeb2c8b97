/// Three-valued (Kleene) logic over `Bool?`, nil meaning unknown: what a plugin needs when it
/// combines answers that may be unanswered, with the same rules as the expression language.
///
/// `and`: false wins over unknown, unknown over true. `or`: true wins over unknown, unknown
/// over false. So an unanswered input decides nothing that the answered ones already decide.
public enum Kleene {
    public static func and(_ operands: Bool?...) -> Bool? { and(operands) }

    public static func and(_ operands: some Sequence<Bool?>) -> Bool? {
        var unknown = false
        for operand in operands {
            switch operand {
            case false?: return false
            case nil: unknown = true
            case true?: continue
            }
        }
        return unknown ? nil : true
    }

    public static func or(_ operands: Bool?...) -> Bool? { or(operands) }

    public static func or(_ operands: some Sequence<Bool?>) -> Bool? {
        var unknown = false
        for operand in operands {
            switch operand {
            case true?: return true
            case nil: unknown = true
            case false?: continue
            }
        }
        return unknown ? nil : false
    }

    public static func not(_ operand: Bool?) -> Bool? { operand.map { !$0 } }

    /// How many operands are true, and whether any is unknown: `count_true` for plugins.
    public static func countTrue(_ operands: some Sequence<Bool?>) -> (known: Int, unknown: Int) {
        operands.reduce(into: (0, 0)) { result, operand in
            switch operand {
            case true?: result.0 += 1
            case nil: result.1 += 1
            case false?: break
            }
        }
    }
}
