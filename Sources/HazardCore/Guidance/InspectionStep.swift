/// Where a guided inspection stands after some answers (`InspectionGuide.next`): the
/// questions still worth asking, in order, each with the criteria waiting on it; the
/// findings already decided; and progress.
public struct InspectionStep: Sendable {
    /// Decided ÷ applicable criteria, the inspection's progress (`[12/40 已判定]`).
    public struct Progress: Sendable, Hashable, Codable {
        /// Criteria in the checklist.
        public var criteria: Int
        /// Applicable criteria whose finding no further answer can change.
        public var decided = 0
        /// Criteria some answer has made not applicable.
        public var notApplicable = 0
        /// Criteria an unanswered question (or a missing inspection date) can still change.
        public var waiting = 0
        /// Criteria that apply or may still apply: `decided + waiting`.
        public var applicable: Int { criteria - notApplicable }

        init(criteria: Int) { self.criteria = criteria }
    }

    /// An open question with what waits on it (`openQuestions` in a friendlier form).
    public struct OpenQuestion: Sendable {
        public var question: Question
        /// Read by the `applies_when` of a waiting criterion: asked before the others,
        /// since its answer can make whole sections not apply.
        public var isApplicability: Bool
        /// The criteria whose finding it can still change, in checklist order.
        public var criteria: [CriterionID]
    }

    public let checklist: Checklist
    let codes: [UInt8]
    let waiting: [Bool]
    /// Open questions (numbers into `Checklist.questions`) in asking order.
    public let openQuestions: [Int]
    let applicability: [Bool]
    /// `waitingOn[offsets[k]..<offsets[k + 1]]`: the criteria (numbers) open question `k` can change.
    let offsets: [Int]
    let waitingOn: [Int]
    /// Questions answered `null` (skipped) that could still change a finding, in checklist order.
    public let skippedQuestions: [Int]
    public let progress: Progress

    init(checklist: Checklist, codes: [UInt8], waiting: [Bool], openQuestions: [Int], applicability: [Bool],
         offsets: [Int], waitingOn: [Int], skippedQuestions: [Int], progress: Progress) {
        self.checklist = checklist
        self.codes = codes
        self.waiting = waiting
        self.openQuestions = openQuestions
        self.applicability = applicability
        self.offsets = offsets
        self.waitingOn = waitingOn
        self.skippedQuestions = skippedQuestions
        self.progress = progress
    }

    /// True when no open question is left: every finding is decided, or waits only on
    /// skipped questions (or on something no question can give, such as the inspection date).
    public var isComplete: Bool { openQuestions.isEmpty }

    /// Whether open question `k` (a position in `openQuestions`) is read by an `applies_when`.
    public func isApplicability(_ k: Int) -> Bool { applicability[k] }

    /// The criteria (numbers into `Checklist.criteria`) open question `k` can still change.
    public func criteria(waitingOn k: Int) -> ArraySlice<Int> { waitingOn[offsets[k]..<offsets[k + 1]] }

    /// The finding of criterion `index` when no further answer can change it; nil while it waits.
    public func decidedStatus(_ index: Int) -> FindingStatus? {
        waiting[index] ? nil : FindingStatus(code: codes[index])
    }

    /// Criteria (numbers) whose finding is decided, in checklist order.
    public var decidedCriteria: [Int] { codes.indices.filter { !waiting[$0] } }

    /// The open questions with their questions and criteria spelt out.
    public var open: [OpenQuestion] {
        openQuestions.indices.map { k in
            OpenQuestion(question: checklist.questions[openQuestions[k]], isApplicability: applicability[k],
                         criteria: criteria(waitingOn: k).map { checklist.criteria[$0].id })
        }
    }
}
