/// The compiled criteria of a checklist in dependency order: what `Engine` runs.
struct Program: Sendable {
    struct Step: Sendable {
        var criterion: Int
        var applies: TruthNode?
        var hazard: TruthNode
        var hazardCode: UInt8
    }

    let steps: [Step]
    let slotCount: Int
    let criterionCount: Int

    /// Decides every criterion; `statuses` is indexed like `Checklist.criteria`.
    func run(_ slots: AnswerSlots, into statuses: inout [UInt8]) {
        precondition(slots.numbers.count == slotCount + 1, "answer slots were bound to another checklist")
        if statuses.count != criterionCount + 1 {
            statuses = [UInt8](repeating: FindingStatus.unanswered.code, count: criterionCount + 1)
        }
        let today = slots.inspectionDate.map { Double($0.daysSinceEpoch) }
        // Slot arrays carry one spare element so their base addresses are never nil.
        slots.numbers.withUnsafeBufferPointer { numbers in
            slots.known.withUnsafeBufferPointer { known in
                slots.texts.withUnsafeBufferPointer { texts in
                    slots.lists.withUnsafeBufferPointer { lists in
                        statuses.withUnsafeMutableBufferPointer { out in
                            guard let n = numbers.baseAddress, let k = known.baseAddress, let t = texts.baseAddress,
                                  let l = lists.baseAddress, let s = out.baseAddress else { return }
                            let frame = Frame(numbers: n, known: k, texts: t, lists: l, statuses: UnsafePointer(s), today: today)
                            for step in steps {
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
