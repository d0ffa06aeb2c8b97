public import HazardCore

/// The questions the construction plugin reads (a checklist naming `plugin: construction`
/// must declare each with a compatible type). Units as 建办质〔2018〕31号 states them.
public enum ConstructionInput {
    // 一、基坑工程
    /// 开挖深度 (m).
    public static let excavationDepth: QuestionID = "excavation_depth"
    /// 开挖深度虽未超过3m，但地质条件、周围环境和地下管线复杂，或影响毗邻建、构筑物安全.
    public static let excavationComplexConditions: QuestionID = "excavation_complex_conditions"
    // 二、模板工程及支撑体系
    /// 各类工具式模板工程（滑模、爬模、飞模、隧道模等）.
    public static let toolFormworkUsed: QuestionID = "tool_formwork_used"
    /// 混凝土模板支撑工程搭设高度 (m); 0 = none on site.
    public static let formworkSupportHeight: QuestionID = "formwork_support_height"
    /// 搭设跨度 (m).
    public static let formworkSupportSpan: QuestionID = "formwork_support_span"
    /// 施工总荷载（设计值）(kN/m²).
    public static let formworkTotalLoad: QuestionID = "formwork_total_load"
    /// 集中线荷载（设计值）(kN/m).
    public static let formworkLineLoad: QuestionID = "formwork_line_load"
    /// 高度大于支撑水平投影宽度且相对独立无联系构件.
    public static let formworkSupportIsolated: QuestionID = "formwork_support_isolated"
    /// 承重支撑体系（用于钢结构安装等满堂支撑体系）.
    public static let loadBearingSupportUsed: QuestionID = "load_bearing_support_used"
    /// 承重支撑体系承受的单点集中荷载 (kN).
    public static let loadBearingSupportPointLoad: QuestionID = "load_bearing_support_point_load"
    // 三、起重吊装及起重机械安装拆卸工程
    /// 采用非常规起重设备、方法的起重吊装.
    public static let liftingNonconventional: QuestionID = "lifting_nonconventional"
    /// 单件起吊重量 (kN).
    public static let liftingSingleWeight: QuestionID = "lifting_single_weight"
    /// 采用起重机械进行安装的工程.
    public static let craneAssistedInstallation: QuestionID = "crane_assisted_installation"
    /// 起重机械安装和拆卸工程.
    public static let craneErectionDismantling: QuestionID = "crane_erection_dismantling"
    /// 安装拆卸的起重机械起重量 (kN).
    public static let craneErectionCapacity: QuestionID = "crane_erection_capacity"
    /// 起重机械搭设总高度 (m).
    public static let craneErectionTotalHeight: QuestionID = "crane_erection_total_height"
    /// 起重机械搭设基础标高 (m).
    public static let craneErectionBaseElevation: QuestionID = "crane_erection_base_elevation"
    // 四、脚手架工程
    /// 落地式钢管脚手架搭设高度 (m); 0 = none.
    public static let scaffoldHeight: QuestionID = "scaffold_height"
    /// 附着式升降脚手架或附着式升降操作平台.
    public static let attachedScaffoldUsed: QuestionID = "attached_scaffold_used"
    /// 其提升高度 (m).
    public static let attachedScaffoldLiftHeight: QuestionID = "attached_scaffold_lift_height"
    /// 悬挑式脚手架.
    public static let cantileverScaffoldUsed: QuestionID = "cantilever_scaffold_used"
    /// 悬挑式脚手架分段架体搭设高度 (m).
    public static let cantileverScaffoldSegmentHeight: QuestionID = "cantilever_scaffold_segment_height"
    /// 高处作业吊篮、卸料平台、操作平台、异型脚手架.
    public static let otherScaffoldUsed: QuestionID = "other_scaffold_used"
    // 五、拆除工程
    /// Kind of demolition (options `DemolitionKind`).
    public static let demolitionKind: QuestionID = "demolition_kind"
    // 六、暗挖工程
    /// 采用矿山法、盾构法、顶管法施工的隧道、洞室工程.
    public static let undergroundExcavation: QuestionID = "underground_excavation"
    // 七、其它
    /// 建筑幕墙安装高度 (m); 0 = none.
    public static let curtainWallHeight: QuestionID = "curtain_wall_height"
    /// 钢结构安装跨度 (m); 0 = none.
    public static let steelStructureSpan: QuestionID = "steel_structure_span"
    /// 网架和索膜结构安装跨度 (m); 0 = none.
    public static let spaceFrameSpan: QuestionID = "space_frame_span"
    /// 人工挖孔桩开挖深度 (m); 0 = none.
    public static let handDugPileDepth: QuestionID = "hand_dug_pile_depth"
    /// 水下作业工程.
    public static let underwaterWorks: QuestionID = "underwater_works"
    /// 装配式建筑混凝土预制构件安装工程.
    public static let precastInstallation: QuestionID = "precast_installation"
    /// 大型结构整体顶升、平移、转体的重量 (kN); 0 = none.
    public static let structureJackingWeight: QuestionID = "structure_jacking_weight"
    /// 采用新技术、新工艺、新材料、新设备，尚无国家、行业及地方技术标准.
    public static let newTechWithoutStandard: QuestionID = "new_tech_without_standard"

    /// Options of `demolition_kind`.
    public static let demolitionKindOptions: [String] = [
        "none",                    // 无拆除工程
        "low_impact",              // 不影响行人、交通、电力通讯设施及其他建构筑物安全的拆除
        "affecting_surroundings",  // 可能影响行人、交通、电力设施、通讯设施或其它建、构筑物安全 (危大)
        "special_structure",       // 码头、桥梁、高架、烟囱、水塔或易引起有毒有害气液体、粉尘扩散、易燃易爆的特殊建构筑物 (超规模)
        "heritage_area",           // 文物保护建筑、优秀历史建筑或历史文化风貌区影响范围内 (超规模)
    ]

    static let numbers: [QuestionID] = [
        excavationDepth, formworkSupportHeight, formworkSupportSpan, formworkTotalLoad, formworkLineLoad,
        loadBearingSupportPointLoad, liftingSingleWeight, craneErectionCapacity, craneErectionTotalHeight,
        craneErectionBaseElevation, scaffoldHeight, attachedScaffoldLiftHeight, cantileverScaffoldSegmentHeight,
        curtainWallHeight, steelStructureSpan, spaceFrameSpan, handDugPileDepth, structureJackingWeight,
    ]

    static let booleans: [QuestionID] = [
        excavationComplexConditions, toolFormworkUsed, formworkSupportIsolated, loadBearingSupportUsed,
        liftingNonconventional, craneAssistedInstallation, craneErectionDismantling, attachedScaffoldUsed,
        cantileverScaffoldUsed, otherScaffoldUsed, undergroundExcavation, underwaterWorks, precastInstallation,
        newTechWithoutStandard,
    ]

    /// All inputs with their types.
    public static let declarations: [InputDeclaration] =
        numbers.map { InputDeclaration($0, .number) }
        + booleans.map { InputDeclaration($0, .boolean) }
        + [InputDeclaration(demolitionKind, .enumeration(demolitionKindOptions))]
}
