import HazardCore
import Testing
import ConstructionPlugin

/// Answers for a site with none of the Annex 1/2 works; each test overrides what it measures.
private func quietSite(_ overrides: [QuestionID: Value] = [:]) -> Answers {
    var values: [QuestionID: Value] = [
        "excavation_depth": .number(0),
        "excavation_complex_conditions": .bool(false),
        "tool_formwork_used": .bool(false),
        "formwork_support_height": .number(0),
        "formwork_support_span": .number(0),
        "formwork_total_load": .number(0),
        "formwork_line_load": .number(0),
        "formwork_support_isolated": .bool(false),
        "load_bearing_support_used": .bool(false),
        "lifting_nonconventional": .bool(false),
        "crane_assisted_installation": .bool(false),
        "crane_erection_dismantling": .bool(false),
        "scaffold_height": .number(0),
        "attached_scaffold_used": .bool(false),
        "cantilever_scaffold_used": .bool(false),
        "other_scaffold_used": .bool(false),
        "demolition_kind": .string("none"),
        "underground_excavation": .bool(false),
        "curtain_wall_height": .number(0),
        "steel_structure_span": .number(0),
        "space_frame_span": .number(0),
        "hand_dug_pile_depth": .number(0),
        "underwater_works": .bool(false),
        "precast_installation": .bool(false),
        "structure_jacking_weight": .number(0),
        "new_tech_without_standard": .bool(false),
    ]
    values.merge(overrides) { _, new in new }
    return Answers(values, inspectionDate: Day(iso: "2026-05-20"))
}

private let plugin = ConstructionPlugin()

private func facts(_ answers: Answers) throws -> Facts { try plugin.derive(from: answers) }

/// A formwork support below every Annex 1 threshold (4 m, 9 m, 9 kN/m², 14 kN/m).
private let lowSupport: [QuestionID: Value] = [
    "formwork_support_height": .number(4),
    "formwork_support_span": .number(9),
    "formwork_total_load": .number(9),
    "formwork_line_load": .number(14),
]

@Suite("危大工程 / 超过一定规模的危大工程 classification (建办质〔2018〕31号)")
struct HazardousWorksClassificationTests {

    @Test("a site with none of the listed works is class none everywhere")
    func quiet() throws {
        let f = try facts(quietSite())
        for name in ["excavation_class", "formwork_support_class", "formwork_class", "lifting_class",
                     "scaffold_class", "demolition_class", "underground_class", "other_class", "project_class"] {
            #expect(f[name] == .string("none"), "\(name)")
        }
        #expect(f["deep_pit"] == .bool(false))
    }

    @Test("nothing answered: every fact is unknown")
    func nothingAnswered() throws {
        #expect(try facts(Answers([:])).values.isEmpty)
    }

    @Test("基坑开挖深度 ≥3 m 危大, ≥5 m 超规模 (含); deep pit from 5 m", arguments: [
        (2.99, "none", false), (3.0, "wdgc", false), (3.01, "wdgc", false),
        (4.99, "wdgc", false), (5.0, "over_scale", true), (5.01, "over_scale", true),
    ])
    func excavationDepth(depth: Double, expected: String, deep: Bool) throws {
        let f = try facts(quietSite(["excavation_depth": .number(depth)]))
        #expect(f["excavation_class"] == .string(expected))
        #expect(f["project_class"] == .string(expected))
        #expect(f["deep_pit"] == .bool(deep))
    }

    @Test("开挖深度未超过3m但条件复杂 ⇒ 危大; unanswered complexity leaves a shallow pit unknown", arguments: [
        (Optional(true), Optional("wdgc")), (Optional(false), Optional("none")), (nil, nil),
    ])
    func shallowComplexPit(complex: Bool?, expected: String?) throws {
        var answers = quietSite(["excavation_depth": .number(2.5)])
        answers["excavation_complex_conditions"] = complex.map(Value.bool)
        let f = try facts(answers)
        #expect(f["excavation_class"] == expected.map(Value.string))
    }

    @Test("a 3 m or deeper pit needs no answer on complexity")
    func deepPitIgnoresComplexity() throws {
        let f = try facts(Answers(["excavation_depth": .number(3)]))
        #expect(f["excavation_class"] == .string("wdgc"))
    }

    @Test("混凝土模板支撑工程: each of height 5/8 m, span 10/18 m, load 10/15 kN/m², line 15/20 kN/m", arguments: [
        ("formwork_support_height", 4.99, "none"), ("formwork_support_height", 5.0, "wdgc"),
        ("formwork_support_height", 5.01, "wdgc"), ("formwork_support_height", 7.99, "wdgc"),
        ("formwork_support_height", 8.0, "over_scale"), ("formwork_support_height", 8.01, "over_scale"),
        ("formwork_support_span", 9.99, "none"), ("formwork_support_span", 10.0, "wdgc"),
        ("formwork_support_span", 10.01, "wdgc"), ("formwork_support_span", 17.99, "wdgc"),
        ("formwork_support_span", 18.0, "over_scale"), ("formwork_support_span", 18.01, "over_scale"),
        ("formwork_total_load", 9.99, "none"), ("formwork_total_load", 10.0, "wdgc"),
        ("formwork_total_load", 10.01, "wdgc"), ("formwork_total_load", 14.99, "wdgc"),
        ("formwork_total_load", 15.0, "over_scale"), ("formwork_total_load", 15.01, "over_scale"),
        ("formwork_line_load", 14.99, "none"), ("formwork_line_load", 15.0, "wdgc"),
        ("formwork_line_load", 15.01, "wdgc"), ("formwork_line_load", 19.99, "wdgc"),
        ("formwork_line_load", 20.0, "over_scale"), ("formwork_line_load", 20.01, "over_scale"),
    ])
    func formworkSupport(question: String, value: Double, expected: String) throws {
        var overrides = lowSupport
        overrides[QuestionID(question)] = .number(value)
        let f = try facts(quietSite(overrides))
        #expect(f["formwork_support_class"] == .string(expected))
        #expect(f["formwork_class"] == .string(expected))
        #expect(f["project_class"] == .string(expected))
    }

    @Test("高度大于支撑水平投影宽度且相对独立 ⇒ 危大 only")
    func isolatedSupport() throws {
        var overrides = lowSupport
        overrides["formwork_support_isolated"] = .bool(true)
        #expect(try facts(quietSite(overrides))["formwork_support_class"] == .string("wdgc"))
    }

    @Test("worked example: support 7.5 m / 12 m / 12 kN/m² / 18 kN/m is 危大, not 超规模")
    func workedExampleSupport() throws {
        let answers = Answers([
            "formwork_support_height": .number(7.5),
            "formwork_support_span": .number(12),
            "formwork_total_load": .number(12),
            "formwork_line_load": .number(18),
        ])
        let f = try facts(answers)
        // Known without the isolation answer: that condition can only make it 危大.
        #expect(f["formwork_support_class"] == .string("wdgc"))
        // Tool formwork and load-bearing supports are unanswered, so the category may still be 超规模.
        #expect(f["formwork_class"] == nil)
        #expect(try facts(quietSite(answers.values))["formwork_class"] == .string("wdgc"))
        #expect(try facts(quietSite(answers.values))["project_class"] == .string("wdgc"))
    }

    @Test("worked example: a 5.0 m pit is 超规模 and a deep pit whatever else is unanswered")
    func workedExamplePit() throws {
        let f = try facts(Answers(["excavation_depth": .number(5.0)]))
        #expect(f["excavation_class"] == .string("over_scale"))
        #expect(f["deep_pit"] == .bool(true))
        #expect(f["project_class"] == .string("over_scale"))
    }

    @Test("a support height of 0 means no concrete formwork support")
    func noSupport() throws {
        let f = try facts(Answers(["formwork_support_height": .number(0)]))
        #expect(f["formwork_support_class"] == .string("none"))
    }

    @Test("工具式模板（滑模、爬模、飞模、隧道模）are 超规模")
    func toolFormwork() throws {
        let f = try facts(quietSite(["tool_formwork_used": .bool(true)]))
        #expect(f["formwork_class"] == .string("over_scale"))
        #expect(f["formwork_support_class"] == .string("none"))
    }

    @Test("承重支撑体系: all 危大; 单点集中荷载 ≥7 kN 超规模", arguments: [
        (6.99, "wdgc"), (7.0, "over_scale"), (7.01, "over_scale"),
    ])
    func loadBearingSupport(pointLoad: Double, expected: String) throws {
        let f = try facts(quietSite([
            "load_bearing_support_used": .bool(true),
            "load_bearing_support_point_load": .number(pointLoad),
        ]))
        #expect(f["formwork_class"] == .string(expected))
    }

    @Test("非常规起重设备、方法: 单件起吊重量 ≥10 kN 危大, ≥100 kN 超规模", arguments: [
        (9.99, "none"), (10.0, "wdgc"), (10.01, "wdgc"),
        (99.99, "wdgc"), (100.0, "over_scale"), (100.01, "over_scale"),
    ])
    func liftingWeight(weight: Double, expected: String) throws {
        let f = try facts(quietSite([
            "lifting_nonconventional": .bool(true),
            "lifting_single_weight": .number(weight),
        ]))
        #expect(f["lifting_class"] == .string(expected))
    }

    @Test("a conventional lift is not classed by its weight")
    func conventionalLift() throws {
        let f = try facts(quietSite(["lifting_single_weight": .number(150)]))
        #expect(f["lifting_class"] == .string("none"))
    }

    @Test("a light lift is none even if the method is unanswered")
    func lightLiftUnknownMethod() throws {
        var answers = quietSite(["lifting_single_weight": .number(5)])
        answers["lifting_nonconventional"] = nil
        #expect(try facts(answers)["lifting_class"] == .string("none"))
    }

    @Test("采用起重机械进行安装的工程 ⇒ 危大")
    func craneAssisted() throws {
        let f = try facts(quietSite(["crane_assisted_installation": .bool(true)]))
        #expect(f["lifting_class"] == .string("wdgc"))
    }

    @Test("起重机械安装拆卸: all 危大; 起重量 ≥300 kN, 搭设总高度 ≥200 m or 基础标高 ≥200 m 超规模", arguments: [
        ("crane_erection_capacity", 299.99, "wdgc"), ("crane_erection_capacity", 300.0, "over_scale"),
        ("crane_erection_capacity", 300.01, "over_scale"),
        ("crane_erection_total_height", 199.99, "wdgc"), ("crane_erection_total_height", 200.0, "over_scale"),
        ("crane_erection_total_height", 200.01, "over_scale"),
        ("crane_erection_base_elevation", 199.99, "wdgc"), ("crane_erection_base_elevation", 200.0, "over_scale"),
        ("crane_erection_base_elevation", 200.01, "over_scale"),
    ])
    func craneErection(question: String, value: Double, expected: String) throws {
        var overrides: [QuestionID: Value] = [
            "crane_erection_dismantling": .bool(true),
            "crane_erection_capacity": .number(60),
            "crane_erection_total_height": .number(45),
            "crane_erection_base_elevation": .number(0),
        ]
        overrides[QuestionID(question)] = .number(value)
        #expect(try facts(quietSite(overrides))["lifting_class"] == .string(expected))
    }

    @Test("crane erection with an unanswered capacity is at least 危大 but not yet known")
    func craneErectionUnknownCapacity() throws {
        let f = try facts(quietSite([
            "crane_erection_dismantling": .bool(true),
            "crane_erection_total_height": .number(45),
            "crane_erection_base_elevation": .number(0),
        ]))
        #expect(f["lifting_class"] == nil)
        #expect(f["project_class"] == nil)
    }

    @Test("落地式钢管脚手架 ≥24 m 危大, ≥50 m 超规模", arguments: [
        (23.99, "none"), (24.0, "wdgc"), (24.01, "wdgc"),
        (49.99, "wdgc"), (50.0, "over_scale"), (50.01, "over_scale"),
    ])
    func groundScaffold(height: Double, expected: String) throws {
        #expect(try facts(quietSite(["scaffold_height": .number(height)]))["scaffold_class"] == .string(expected))
    }

    @Test("悬挑式脚手架: all 危大; 分段架体搭设高度 ≥20 m 超规模", arguments: [
        (19.99, "wdgc"), (20.0, "over_scale"), (20.01, "over_scale"),
    ])
    func cantileverScaffold(segment: Double, expected: String) throws {
        let f = try facts(quietSite([
            "cantilever_scaffold_used": .bool(true),
            "cantilever_scaffold_segment_height": .number(segment),
        ]))
        #expect(f["scaffold_class"] == .string(expected))
    }

    @Test("附着式升降脚手架: all 危大; 提升高度 ≥150 m 超规模", arguments: [
        (149.99, "wdgc"), (150.0, "over_scale"), (150.01, "over_scale"),
    ])
    func attachedScaffold(lift: Double, expected: String) throws {
        let f = try facts(quietSite([
            "attached_scaffold_used": .bool(true),
            "attached_scaffold_lift_height": .number(lift),
        ]))
        #expect(f["scaffold_class"] == .string(expected))
    }

    @Test("吊篮、卸料平台、操作平台、异型脚手架 ⇒ 危大")
    func otherScaffold() throws {
        #expect(try facts(quietSite(["other_scaffold_used": .bool(true)]))["scaffold_class"] == .string("wdgc"))
    }

    @Test("其它: sized works are 危大 from any size and 超规模 from the Annex 2 value", arguments: [
        ("curtain_wall_height", 49.99, "wdgc"), ("curtain_wall_height", 50.0, "over_scale"),
        ("curtain_wall_height", 50.01, "over_scale"),
        ("steel_structure_span", 35.99, "wdgc"), ("steel_structure_span", 36.0, "over_scale"),
        ("steel_structure_span", 36.01, "over_scale"),
        ("space_frame_span", 59.99, "wdgc"), ("space_frame_span", 60.0, "over_scale"),
        ("space_frame_span", 60.01, "over_scale"),
        ("hand_dug_pile_depth", 15.99, "wdgc"), ("hand_dug_pile_depth", 16.0, "over_scale"),
        ("hand_dug_pile_depth", 16.01, "over_scale"),
    ])
    func sizedOtherWorks(question: String, value: Double, expected: String) throws {
        let f = try facts(quietSite([QuestionID(question): .number(value)]))
        #expect(f["other_class"] == .string(expected))
        #expect(f["project_class"] == .string(expected))
    }

    @Test("大型结构整体顶升、平移、转体 ≥1000 kN 超规模 (Annex 2 only)", arguments: [
        (999.99, "none"), (1000.0, "over_scale"), (1000.01, "over_scale"),
    ])
    func jacking(weight: Double, expected: String) throws {
        #expect(try facts(quietSite(["structure_jacking_weight": .number(weight)]))["other_class"] == .string(expected))
    }

    @Test("yes/no kinds of works", arguments: [
        ("underwater_works", "other_class", "over_scale"),
        ("precast_installation", "other_class", "wdgc"),
        ("new_tech_without_standard", "other_class", "over_scale"),
        ("underground_excavation", "underground_class", "over_scale"),
    ])
    func flags(question: String, fact: String, expected: String) throws {
        #expect(try facts(quietSite([QuestionID(question): .bool(true)]))[fact] == .string(expected))
    }

    @Test("拆除工程 by kind", arguments: [
        ("none", "none"), ("low_impact", "none"), ("affecting_surroundings", "wdgc"),
        ("special_structure", "over_scale"), ("heritage_area", "over_scale"),
    ])
    func demolition(kind: String, expected: String) throws {
        let f = try facts(quietSite(["demolition_kind": .string(kind)]))
        #expect(f["demolition_class"] == .string(expected))
        #expect(f["project_class"] == .string(expected))
    }

    @Test("project_class is the highest category")
    func projectIsHighest() throws {
        let f = try facts(quietSite([
            "excavation_depth": .number(4),
            "scaffold_height": .number(55),
            "precast_installation": .bool(true),
        ]))
        #expect(f["excavation_class"] == .string("wdgc"))
        #expect(f["scaffold_class"] == .string("over_scale"))
        #expect(f["other_class"] == .string("wdgc"))
        #expect(f["project_class"] == .string("over_scale"))
    }

    @Test("project_class stays unknown while an unanswered category could raise it")
    func projectUnknown() throws {
        var answers = quietSite(["excavation_depth": .number(4)])
        answers["curtain_wall_height"] = nil
        let f = try facts(answers)
        #expect(f["excavation_class"] == .string("wdgc"))
        #expect(f["other_class"] == nil)
        #expect(f["project_class"] == nil)
    }

    @Test("an unknown demolition kind is an answer error")
    func badOption() {
        #expect(throws: PluginError.self) {
            try plugin.derive(from: quietSite(["demolition_kind": .string("bridge")]))
        }
    }

    @Test("a number given as text is an answer error")
    func badType() {
        #expect(throws: PluginError.self) {
            try plugin.derive(from: Answers(["excavation_depth": .string("6")]))
        }
    }

    @Test("declares every fact it derives and every input it reads")
    func declarations() throws {
        let declared = Set(plugin.declaredFacts.map(\.name))
        let derived = Set(try facts(quietSite()).values.keys)
        #expect(derived == declared)
        #expect(plugin.declaredInputs.count == 33)
        #expect(Set(plugin.declaredInputs.map(\.question)).count == 33)
        #expect(plugin.id == "construction")
    }
}
