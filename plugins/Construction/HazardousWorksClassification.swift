import HazardCore

/// Classifies the sub-projects of a site per 《危险性较大的分部分项工程安全管理规定》
/// (住建部令第37号, amended by 令第47号) and 建办质〔2018〕31号: Annex 1 (危大工程范围) and Annex 2
/// (超过一定规模的危大工程范围). All thresholds are inclusive (及以上 / 含 ⇒ ≥).
///
/// Annex 2 thresholds are sourced (web reprint of the official annex); the Annex 1 list is
/// [M] in the fact reference (from memory, consistent with the web) — check against the
/// official text.
///
/// Each category is a `ClassRange`: the class is known only when the answers pin it down.
struct HazardousWorksClassification: Sendable, Hashable {
    var excavation: ClassRange
    var formworkSupport: ClassRange
    var formwork: ClassRange
    var lifting: ClassRange
    var scaffold: ClassRange
    var demolition: ClassRange
    var underground: ClassRange
    var other: ClassRange
    /// 深基坑: excavation depth ≥ 5 m (the Annex 2 pit threshold; "deep pit" convention [M]).
    var deepPit: Bool?

    var project: ClassRange {
        .any([excavation, formwork, lifting, scaffold, demolition, underground, other])
    }

    init(_ r: Answers) throws(PluginError) {
        typealias I = ConstructionInput
        let depth = try r.number(I.excavationDepth)
        excavation = Self.excavation(depth: depth, complex: try r.bool(I.excavationComplexConditions))
        deepPit = depth.map { $0 >= 5 }

        formworkSupport = Self.formworkSupport(
            height: try r.number(I.formworkSupportHeight),
            span: try r.number(I.formworkSupportSpan),
            totalLoad: try r.number(I.formworkTotalLoad),
            lineLoad: try r.number(I.formworkLineLoad),
            isolated: try r.bool(I.formworkSupportIsolated))
        formwork = .any([
            formworkSupport,
            // 附件1/附件2 二（一）: 各类工具式模板工程（滑模、爬模、飞模、隧道模等）— listed in both ⇒ 超规模.
            .flag(try r.bool(I.toolFormworkUsed), .overScale),
            // 附件1 二（三）承重支撑体系（满堂支撑）: all; 附件2 二（三）: 单点集中荷载 ≥ 7 kN.
            .gated(try r.bool(I.loadBearingSupportUsed),
                   ClassRange.exactly(.wdgc).combined(with:
                       .threshold(try r.number(I.loadBearingSupportPointLoad), wdgcAt: nil, overScaleAt: 7))),
        ])

        lifting = .any([
            // 附件1 三（一）/附件2 三（一）: 非常规起重设备、方法，单件起吊重量 ≥ 10 kN / ≥ 100 kN.
            .gated(try r.bool(I.liftingNonconventional),
                   .threshold(try r.number(I.liftingSingleWeight), wdgcAt: 10, overScaleAt: 100)),
            // 附件1 三（二）: 采用起重机械进行安装的工程 — all 危大.
            .flag(try r.bool(I.craneAssistedInstallation), .wdgc),
            // 附件1 三（三）: 起重机械安装和拆卸工程 — all 危大; 附件2 三（二）: 起重量 ≥ 300 kN,
            // 或搭设总高度 ≥ 200 m, 或搭设基础标高 ≥ 200 m ⇒ 超规模.
            .gated(try r.bool(I.craneErectionDismantling), .any([
                .exactly(.wdgc),
                .threshold(try r.number(I.craneErectionCapacity), wdgcAt: nil, overScaleAt: 300),
                .threshold(try r.number(I.craneErectionTotalHeight), wdgcAt: nil, overScaleAt: 200),
                .threshold(try r.number(I.craneErectionBaseElevation), wdgcAt: nil, overScaleAt: 200),
            ])),
        ])

        scaffold = .any([
            // 落地式钢管脚手架: ≥ 24 m 危大, ≥ 50 m 超规模; 0 = none.
            Self.groundScaffold(height: try r.number(I.scaffoldHeight)),
            // 附着式升降脚手架（操作平台）: all 危大; 提升高度 ≥ 150 m 超规模.
            .gated(try r.bool(I.attachedScaffoldUsed), ClassRange.exactly(.wdgc).combined(with:
                .threshold(try r.number(I.attachedScaffoldLiftHeight), wdgcAt: nil, overScaleAt: 150))),
            // 悬挑式脚手架: all 危大; 分段架体搭设高度 ≥ 20 m 超规模.
            .gated(try r.bool(I.cantileverScaffoldUsed), ClassRange.exactly(.wdgc).combined(with:
                .threshold(try r.number(I.cantileverScaffoldSegmentHeight), wdgcAt: nil, overScaleAt: 20))),
            // 高处作业吊篮、卸料平台、操作平台、异型脚手架: all 危大.
            .flag(try r.bool(I.otherScaffoldUsed), .wdgc),
        ])

        demolition = Self.demolition(try r.option(I.demolitionKind, among: I.demolitionKindOptions))

        // 暗挖工程（矿山法、盾构法、顶管法）: listed in both annexes ⇒ 超规模.
        underground = .flag(try r.bool(I.undergroundExcavation), .overScale)

        other = .any([
            .sized(try r.number(I.curtainWallHeight), overScaleAt: 50),     // 建筑幕墙: all; ≥ 50 m
            .sized(try r.number(I.steelStructureSpan), overScaleAt: 36),    // 钢结构: all; 跨度 ≥ 36 m
            .sized(try r.number(I.spaceFrameSpan), overScaleAt: 60),        // 网架、索膜: all; 跨度 ≥ 60 m
            .sized(try r.number(I.handDugPileDepth), overScaleAt: 16),      // 人工挖孔桩: all; 深度 ≥ 16 m
            .flag(try r.bool(I.underwaterWorks), .overScale),               // 水下作业: both annexes
            .flag(try r.bool(I.precastInstallation), .wdgc),                // 装配式预制构件安装: Annex 1
            // 大型结构整体顶升、平移、转体 ≥ 1000 kN: Annex 2 only.
            .threshold(try r.number(I.structureJackingWeight), wdgcAt: nil, overScaleAt: 1000),
            .flag(try r.bool(I.newTechWithoutStandard), .overScale),        // 新技术无标准: both annexes
        ])
    }

    /// 附件1 一: 开挖深度 ≥ 3 m, or < 3 m with complex geology/surroundings/utilities or
    /// affecting adjacent structures; 附件2 一: ≥ 5 m. A depth of 0 means no pit.
    static func excavation(depth: Double?, complex: Bool?) -> ClassRange {
        guard let depth else { return .unknown() }
        if depth >= 5 { return .exactly(.overScale) }
        if depth >= 3 { return .exactly(.wdgc) }
        if depth <= 0 { return .exactly(.none) }
        return .flag(complex, .wdgc)
    }

    /// 附件1 二（二）: 搭设高度 ≥ 5 m, 或跨度 ≥ 10 m, 或施工总荷载（设计值）≥ 10 kN/m², 或集中线荷载
    /// （设计值）≥ 15 kN/m, 或高度大于支撑水平投影宽度且相对独立无联系构件; 附件2 二（二）: 8 m /
    /// 18 m / 15 kN/m² / 20 kN/m. A height of 0 means no concrete formwork support.
    static func formworkSupport(height: Double?, span: Double?, totalLoad: Double?, lineLoad: Double?, isolated: Bool?) -> ClassRange {
        if let height, height <= 0 { return .exactly(.none) }
        return .any([
            .threshold(height, wdgcAt: 5, overScaleAt: 8),
            .threshold(span, wdgcAt: 10, overScaleAt: 18),
            .threshold(totalLoad, wdgcAt: 10, overScaleAt: 15),
            .threshold(lineLoad, wdgcAt: 15, overScaleAt: 20),
            .flag(isolated, .wdgc),
        ])
    }

    /// 落地式钢管脚手架（含采光井、电梯井脚手架）: ≥ 24 m 危大, ≥ 50 m 超规模.
    static func groundScaffold(height: Double?) -> ClassRange {
        if let height, height <= 0 { return .exactly(.none) }
        return .threshold(height, wdgcAt: 24, overScaleAt: 50)
    }

    /// 附件1 五 / 附件2 五: demolition by kind (no numeric thresholds).
    static func demolition(_ kind: String?) -> ClassRange {
        switch kind {
        case nil: return .unknown()
        case "affecting_surroundings"?: return .exactly(.wdgc)
        case "special_structure"?, "heritage_area"?: return .exactly(.overScale)
        default: return .exactly(.none)
        }
    }
}
