import HazardCore

/// Folds the grouped rows of the dispatch query into the form's lines.
struct DispatchTally {
    typealias Figure = DispatchReport.Figure
    let query: DispatchQuery
    var selfMajor = Figure(), selfMajorRectified = Figure()
    var departmentMajor = Figure(), departmentMajorRectified = Figure()
    var supervised = Figure(), supervisedRectified = Figure()
    var publicMajor = Figure(), publicMajorRectified = Figure()
    var general = Figure(), generalRectified = Figure()
    var total = Figure(), rectified = Figure(), closed = Figure()
    var overdueMajor = 0, overdueGeneral = 0
    var majorTotal = 0, majorRectifiedTotal = 0
    var sectors: [String: DispatchReport.Breakdown] = [:]
    var regions: [String: DispatchReport.Breakdown] = [:]
    var enforcement: [EnforcementAction: (Figure, Double?)] = [:]

    init(query: DispatchQuery) { self.query = query }

    /// One group of the hazard query: its grade, source, sector and region, then the eleven
    /// counts in the order the query selects them (a NULL sum as 0).
    mutating func add(grade: String, source: String, sector: String, region: String, counts: [Int]) {
        func int(_ i: Int) -> Int { counts.indices.contains(i - 4) ? counts[i - 4] : 0 }
        let found = Figure(cumulative: int(4), inPeriod: int(5))
        let rect = Figure(cumulative: int(6), inPeriod: int(7))
        let sup = Figure(cumulative: int(8), inPeriod: int(9))
        let supRect = Figure(cumulative: int(10), inPeriod: int(11))
        let closedHere = Figure(cumulative: int(12), inPeriod: int(13))
        let overdue = int(14)
        let isMajor = grade == Grade.major.rawValue
        func add(_ a: inout Figure, _ b: Figure) { a.cumulative += b.cumulative; a.inPeriod += b.inPeriod }
        add(&total, found); add(&rectified, rect); add(&closed, closedHere)
        if isMajor {
            majorTotal += found.cumulative
            majorRectifiedTotal += rect.cumulative
            overdueMajor += overdue
            add(&supervised, sup); add(&supervisedRectified, supRect)
            switch InspectionKind(rawValue: source) {
            case .selfInspection: add(&selfMajor, found); add(&selfMajorRectified, rect)
            case .department, .supervision: add(&departmentMajor, found); add(&departmentMajorRectified, rect)
            case .publicReport, nil: add(&publicMajor, found); add(&publicMajorRectified, rect)
            }
        } else {
            overdueGeneral += overdue
            add(&general, found); add(&generalRectified, rect)
        }
        func breakdown(_ b: inout DispatchReport.Breakdown) {
            if isMajor { b.major += found.cumulative; b.majorRectified += rect.cumulative } else { b.general += found.cumulative; b.generalRectified += rect.cumulative }
            b.overdue += overdue
        }
        breakdown(&sectors[sector, default: .init(key: sector)])
        breakdown(&regions[region, default: .init(key: region)])
    }

    /// One action of the enforcement query: times (all, in period), enterprises (all, in
    /// period), the summed amount and persons.
    mutating func addEnforcement(action name: String, times all: Int, inPeriod: Int, enterprises: Int, enterprisesInPeriod: Int,
                                 amount: Double?, persons: Int?) {
        guard let action = EnforcementAction(rawValue: name) else { return }
        let times = Figure(cumulative: all, inPeriod: inPeriod)
        let enterprises = Figure(cumulative: enterprises, inPeriod: enterprisesInPeriod)
        let figure = action.countsEnterprises ? enterprises : times
        switch action {
        case .penalty: enforcement[action] = (figure, amount ?? 0)
        case .judicialReferral, .accountability: enforcement[action] = (figure, Double(persons ?? 0))
        default: enforcement[action] = (figure, nil)
        }
    }

    func report() -> DispatchReport {
        typealias Line = DispatchReport.Line
        let overall = [
            Line(item: "1.1", label: "企业自查发现的重大事故隐患（个）", figure: selfMajor),
            Line(item: "1.2", label: "其中已完成整改的（个）", figure: selfMajorRectified),
            Line(item: "1.3", label: "部门检查发现的重大事故隐患（个）", figure: departmentMajor),
            Line(item: "1.4", label: "其中已完成整改的（个）", figure: departmentMajorRectified),
            Line(item: "1.5", label: "政府挂牌督办的重大事故隐患（个）", figure: supervised),
            Line(item: "1.6", label: "其中已完成整改的（个）", figure: supervisedRectified),
        ]
        let additional = [
            Line(item: "A.1", label: "群众举报核实的重大事故隐患（个）", figure: publicMajor),
            Line(item: "A.2", label: "其中已完成整改的（个）", figure: publicMajorRectified),
            Line(item: "A.3", label: "一般事故隐患（个）", figure: general),
            Line(item: "A.4", label: "其中已完成整改的（个）", figure: generalRectified),
            Line(item: "A.5", label: "隐患合计（个）", figure: total),
            Line(item: "A.6", label: "其中已整改的（个）", figure: rectified),
            Line(item: "A.7", label: "其中已验收销号的（个）", figure: closed),
            Line(item: "A.8", label: "逾期未整改的重大事故隐患（个，截至期末）", figure: Figure(cumulative: overdueMajor, inPeriod: overdueMajor)),
            Line(item: "A.9", label: "逾期未整改的一般事故隐患（个，截至期末）", figure: Figure(cumulative: overdueGeneral, inPeriod: overdueGeneral)),
        ]
        var actions: [Line] = []
        for action in EnforcementAction.allCases {
            var (figure, amount) = enforcement[action] ?? (Figure(), nil)
            if action == .guidance, let key = enforcement[.keyGuidance]?.0 {
                figure.cumulative += key.cumulative
                figure.inPeriod += key.inPeriod
            }
            if amount == nil, [.penalty, .judicialReferral, .accountability].contains(action) { amount = 0 }
            actions.append(Line(item: action.formItem, label: action.label, figure: figure, amount: amount))
        }
        func rate(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
        return DispatchReport(
            query: query, overall: overall, additional: additional,
            majorRectificationRate: rate(majorRectifiedTotal, majorTotal),
            generalRectificationRate: rate(generalRectified.cumulative, general.cumulative),
            rectificationRate: rate(rectified.cumulative, total.cumulative),
            bySector: sectors.values.sorted { $0.key < $1.key }, byRegion: regions.values.sorted { $0.key < $1.key },
            enforcement: actions)
    }
}
