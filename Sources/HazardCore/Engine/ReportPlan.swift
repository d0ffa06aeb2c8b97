/// What reporting needs, resolved once when the checklist compiles: finding templates with
/// their static text, evidence sources as indexes, section numbers. Turning statuses into
/// findings then does no hashing and no string building.
struct ReportPlan: Sendable {
    enum Source: Sendable {
        case question(Int)
        case fact(Int)
        case finding(Int)
    }

    /// One per criterion, status and evidence values still to fill in.
    let templates: [Finding]
    let sources: [[Source]]
    /// Section number of each criterion; `sections.count` for none.
    let sectionIndex: [Int]
    /// Evidence items of all criteria together.
    let evidenceCount: Int
    /// List questions some criterion reads, in question order, and each question's place in
    /// it (-1 for the others): their answers are turned into values once per grading, however
    /// many criteria show them.
    let listEvidence: [Int]
    let listPosition: [Int]
    /// Per criterion, per evidence item, the list functions over that item's list question
    /// (`ListProbe`); an empty array for a criterion with none, so building its finding skips
    /// the lookup.
    let listProbes: [[[ListProbe]]]

    init(questions: [Question], criteria: [Criterion], sections: [Section],
         factSlots: [(name: FactName, fact: String, slot: Int, type: ValueType)]) {
        let questionIndex = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($1.id, $0) })
        let factIndex = Dictionary(uniqueKeysWithValues: factSlots.enumerated().map { ($1.name, $0) })
        let criterionIndex = Dictionary(uniqueKeysWithValues: criteria.enumerated().map { ($1.id, $0) })
        let sectionNumber = Dictionary(uniqueKeysWithValues: sections.enumerated().map { ($1.id, $0) })
        var templates: [Finding] = [], sources: [[Source]] = [], sectionIndex: [Int] = [], listProbes: [[[ListProbe]]] = []
        for criterion in criteria {
            var evidence: [Evidence] = [], resolved: [Source] = []
            for input in criterion.inputs {
                switch input {
                case .question(let id):
                    guard let i = questionIndex[id] else { continue }
                    evidence.append(Evidence(kind: .answer, name: id.rawValue, label: questions[i].label, value: nil, unit: questions[i].unit))
                    resolved.append(.question(i))
                case .fact(let name):
                    guard let i = factIndex[name] else { continue }
                    evidence.append(Evidence(kind: .fact, name: name.rawValue, label: nil, value: nil, unit: nil))
                    resolved.append(.fact(i))
                case .finding(let id):
                    guard let i = criterionIndex[id] else { continue }
                    evidence.append(Evidence(kind: .finding, name: id.rawValue, label: nil, value: nil, unit: nil))
                    resolved.append(.finding(i))
                }
            }
            templates.append(Finding(criterion: criterion.id, clause: criterion.clause, title: criterion.title, section: criterion.section,
                                     grade: criterion.grade, status: .unanswered, weight: criterion.weight, isManual: criterion.isManual,
                                     evidence: evidence, advice: criterion.advice, note: criterion.note))
            sources.append(resolved)
            listProbes.append(criterion.listProbes.isEmpty ? [] : evidence.map { item in
                item.kind == .answer ? criterion.listProbes.filter { $0.question.rawValue == item.name } : []
            })
            sectionIndex.append(criterion.section.flatMap { sectionNumber[$0] } ?? sections.count)
        }
        self.templates = templates
        self.sources = sources
        self.sectionIndex = sectionIndex
        self.listProbes = listProbes
        evidenceCount = sources.reduce(0) { $0 + $1.count }
        var lists = Set<Int>()
        for case .question(let q) in sources.joined() where questions[q].kind == .list { lists.insert(q) }
        listEvidence = lists.sorted()
        var position = [Int](repeating: -1, count: questions.count)
        for (k, q) in listEvidence.enumerated() { position[q] = k }
        listPosition = position
    }
}
