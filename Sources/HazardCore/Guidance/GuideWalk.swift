/// One pass of `InspectionGuide` over graded slots: decides each criterion as far as the
/// answers allow and keeps, for each undecided one, the unanswered questions that can still
/// change it (those of its `applies_when` first).
///
/// The questions live in one buffer, each criterion owning a range of it: its
/// `applies_when` part `start..<middle`, its `hazard_when` part `middle..<end`. A branch that
/// turns out decided gives its questions back by truncating the buffer.
struct GuideWalk {
    let guide: InspectionGuide
    /// Status codes as far as the answers decide them; `unanswered` while waiting.
    var codes: [UInt8]
    var waiting: [Bool]
    var buffer: [Int] = []
    var start: [Int], middle: [Int], end: [Int]
    /// Per question, 1 + the criterion that last took it: removes repeats within a range.
    var stamp: [Int]

    init(guide: InspectionGuide, criteria count: Int) {
        self.guide = guide
        codes = [UInt8](repeating: FindingStatus.unanswered.code, count: count)
        waiting = [Bool](repeating: false, count: count)
        start = [Int](repeating: 0, count: count)
        middle = start
        end = start
        stamp = [Int](repeating: 0, count: guide.questionSlots.count)
        buffer.reserveCapacity(4 * count)
    }

    mutating func decide(_ c: Int, frame f: Frame, ops: UnsafeBufferPointer<GuideProgram.Op>,
                         leaves: UnsafeBufferPointer<Unmanaged<GuideProgram.Leaf>>) {
        let begin = buffer.count
        start[c] = begin
        guard let conditions = guide.conditions[c] else {
            fallback(c, frame: f)
            return
        }
        let applies = conditions.applies >= 0 ? evaluate(conditions.applies, f, ops, leaves) : .yes
        if applies == .no {
            truncate(begin)
            close(c, begin, begin)
            codes[c] = FindingStatus.notApplicable.code
            return
        }
        let mid = buffer.count
        switch (applies, evaluate(conditions.hazard, f, ops, leaves)) {
        case (.yes, .yes):
            truncate(begin)
            codes[c] = guide.hazardCodes[c]
        case (.yes, .no):
            truncate(begin)
            codes[c] = FindingStatus.compliant.code
        case (_, .unknown):
            waiting[c] = true
        case (_, _):
            // Whether it applies is all that is left to know.
            truncate(mid)
            waiting[c] = true
        }
        close(c, begin, mid)
    }

    /// A criterion whose conditions the guide could not rebuild waits, on all it reads,
    /// exactly while the engine leaves it unanswered.
    private mutating func fallback(_ c: Int, frame f: Frame) {
        let begin = buffer.count
        let code = f.statuses[c]
        if code == FindingStatus.unanswered.code {
            waiting[c] = true
            for read in guide.reads[c] { take(read, f) }
        }
        codes[c] = code
        close(c, begin, begin)
    }

    /// Removes repeated questions from the criterion's range and records its bounds.
    private mutating func close(_ c: Int, _ begin: Int, _ mid: Int) {
        var write = begin, newMiddle = begin
        for i in begin..<buffer.count {
            let q = buffer[i]
            if stamp[q] != c + 1 {
                stamp[q] = c + 1
                buffer[write] = q
                write += 1
            }
            if i + 1 == mid { newMiddle = write }
        }
        truncate(write)
        middle[c] = newMiddle
        end[c] = write
    }

    private mutating func truncate(_ count: Int) {
        if buffer.count > count { buffer.removeLast(buffer.count - count) }
    }

    private func isUnanswered(_ q: Int, _ f: Frame) -> Bool { f.numbers[guide.questionSlots[q]].isNaN }

    /// Kleene truth of the operation at `i`, adding to the buffer the questions that can
    /// still change it (none when it is decided).
    private mutating func evaluate(_ i: Int, _ f: Frame, _ ops: UnsafeBufferPointer<GuideProgram.Op>,
                                   _ leaves: UnsafeBufferPointer<Unmanaged<GuideProgram.Leaf>>) -> Truth {
        let op = ops[i]
        switch op.kind {
        case .constant:
            return Truth(rawValue: UInt8(op.argument)) ?? .unknown
        case .leaf:
            return leaves[Int(op.argument)]._withUnsafeGuaranteedRef { leaf in
                var value = leaf.node(f)
                if value != .unknown {
                    for q in leaf.presence where isUnanswered(q, f) { value = .unknown; break }
                    for c in leaf.findings where waiting[c] { value = .unknown; break }
                }
                guard value == .unknown else { return value }
                for read in leaf.reads { take(read, f) }
                return .unknown
            }
        case .finding:
            let c = Int(op.argument)
            if waiting[c] {
                for k in start[c]..<end[c] { buffer.append(buffer[k]) }
                return .unknown
            }
            return codes[c] == FindingStatus.major.code || codes[c] == FindingStatus.general.code ? .yes : .no
        case .and, .or:
            // `and` is decided by a false operand, `or` by a true one.
            let decisive: Truth = op.kind == .and ? .no : .yes
            let mark = buffer.count
            var result: Truth = op.kind == .and ? .yes : .no
            var j = i + 1
            while j < i + Int(op.size) {
                let v = evaluate(j, f, ops, leaves)
                if v == decisive { truncate(mark); return decisive }
                if v == .unknown { result = .unknown }
                j += Int(ops[j].size)
            }
            return result
        case .not:
            return !evaluate(i + 1, f, ops, leaves)
        }
    }

    /// Adds the unanswered questions behind one read.
    private mutating func take(_ read: GuideRead, _ f: Frame) {
        switch read {
        case .question(let q):
            if isUnanswered(q, f) { buffer.append(q) }
        case .fact(let k):
            // A plugin leaves a fact out while an input it needs is unanswered; which one,
            // it does not declare per fact, so any of its unanswered inputs may matter.
            guard f.numbers[guide.factSlots[k]].isNaN else { return }
            for q in guide.pluginInputs where isUnanswered(q, f) { buffer.append(q) }
        case .finding(let c):
            if waiting[c] { for i in start[c]..<end[c] { buffer.append(buffer[i]) } }
        }
    }

    /// Gathers the open questions in asking order: those of some `applies_when` first, then
    /// by the section of the first criterion waiting on them, then in checklist order.
    func finish(skipped: [Bool]) -> InspectionStep {
        let questions = guide.questionSlots.count
        let sections = guide.checklist.sections.count + 1
        let sectionIndex = guide.checklist.reportPlan.sectionIndex
        var readers = [Int](repeating: 0, count: questions)
        var applicability = [Bool](repeating: false, count: questions)
        var section = [Int](repeating: sections, count: questions)
        var progress = InspectionStep.Progress(criteria: codes.count)
        for c in codes.indices {
            if waiting[c] {
                progress.waiting += 1
                for i in start[c]..<end[c] {
                    let q = buffer[i]
                    readers[q] += 1
                    if i < middle[c] { applicability[q] = true }
                    section[q] = min(section[q], sectionIndex[c])
                }
            } else if codes[c] == FindingStatus.notApplicable.code {
                progress.notApplicable += 1
            } else {
                progress.decided += 1
            }
        }
        var keys: [Int] = [], passed: [Int] = []
        for q in 0..<questions where readers[q] > 0 {
            if q < skipped.count, skipped[q] { passed.append(q); continue }
            keys.append(((applicability[q] ? 0 : 1) * (sections + 1) + section[q]) * questions + q)
        }
        keys.sort()
        var order: [Int] = [], isApplicability: [Bool] = [], offsets = [0]
        order.reserveCapacity(keys.count)
        var position = [Int](repeating: -1, count: questions)
        for key in keys {
            let q = key % questions
            position[q] = order.count
            order.append(q)
            isApplicability.append(applicability[q])
            offsets.append(offsets[offsets.count - 1] + readers[q])
        }
        // Criteria waiting on each open question, in checklist order.
        var cursor = offsets
        var waitingOn = [Int](repeating: 0, count: offsets[offsets.count - 1])
        for c in codes.indices where waiting[c] {
            for i in start[c]..<end[c] {
                let k = position[buffer[i]]
                guard k >= 0 else { continue }
                waitingOn[cursor[k]] = c
                cursor[k] += 1
            }
        }
        return InspectionStep(checklist: guide.checklist, codes: codes, waiting: waiting, openQuestions: order,
                              applicability: isApplicability, offsets: offsets, waitingOn: waitingOn,
                              skippedQuestions: passed, progress: progress)
    }
}
