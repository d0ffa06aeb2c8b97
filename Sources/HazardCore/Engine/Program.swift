/// The compiled criteria of a checklist in dependency order: what `Engine` runs.
struct Program: Sendable {
    /// One criterion's compiled conditions. A final class with `let` closures, iterated
    /// unretained, so the inner loop does no reference counting.
    final class Step: Sendable {
        let criterion: Int
        let applies: TruthNode?
        let hazard: TruthNode
        let hazardCode: UInt8

        init(criterion: Int, applies: TruthNode?, hazard: @escaping TruthNode, hazardCode: UInt8) {
            self.criterion = criterion
            self.applies = applies
            self.hazard = hazard
            self.hazardCode = hazardCode
        }
    }

    /// Owns the steps; `order` refers to them without retaining.
    let steps: [Step]
    private let order: [Unmanaged<Step>]
    let slotCount: Int
    let criterionCount: Int

    init(steps: [Step], slotCount: Int, criterionCount: Int) {
        self.steps = steps
        order = steps.map { Unmanaged.passUnretained($0) }
        self.slotCount = slotCount
        self.criterionCount = criterionCount
    }

    /// Decides every criterion; `statuses` is indexed like `Checklist.criteria`.
    func run(_ slots: AnswerSlots, into statuses: inout [UInt8]) {
        precondition(slots.numbers.count == slotCount + 1, "answer slots were bound to another checklist")
        if statuses.count != criterionCount + 1 {
            statuses = [UInt8].filled(with: FindingStatus.unanswered.code, count: criterionCount + 1)
        }
        let today = slots.inspectionDate.map { Double($0.daysSinceEpoch) } ?? .nan
        // Slot arrays carry one spare element so their base addresses are never nil.
        slots.numbers.withUnsafeBufferPointer { numbers in
            slots.texts.withUnsafeBufferPointer { texts in
                slots.lists.withUnsafeBufferPointer { lists in
                    statuses.withUnsafeMutableBufferPointer { out in
                        guard let n = numbers.baseAddress, let t = texts.baseAddress,
                              let l = lists.baseAddress, let s = out.baseAddress else { return }
                        let frame = Frame(numbers: n, texts: t, lists: l, statuses: UnsafePointer(s), today: today)
                        order.withUnsafeBufferPointer { order in
                            for reference in order {
                                reference._withUnsafeGuaranteedRef { step in
                                    let applies = step.applies?(frame) ?? .yes
                                    let code: UInt8
                                    switch applies {
                                    case .no: code = FindingStatus.notApplicable.code
                                    case .unknown: code = FindingStatus.unanswered.code
                                    case .yes:
                                        switch step.hazard(frame) {
                                        case .yes: code = step.hazardCode
                                        case .no: code = FindingStatus.compliant.code
                                        case .unknown: code = FindingStatus.unanswered.code
                                        }
                                    }
                                    s[step.criterion] = code
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
