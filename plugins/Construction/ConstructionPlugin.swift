public import HazardCore

/// Construction (房屋市政工程) plugin: classifies the site's sub-projects as 非危大 / 危大工程 /
/// 超过一定规模的危大工程 (建办质〔2018〕31号 Annexes 1 and 2) for 《房屋市政工程生产安全重大事故隐患
/// 判定标准》 (建质规〔2024〕5号 and 建质规〔2022〕2号), e.g. 第四条第（四）项 (专项方案 / 专家论证),
/// 第五条第（三）项 (深基坑第三方监测) and 第六条第（四）项 (危大模板支撑工程浇筑).
///
/// Class facts are `"none"`, `"wdgc"` or `"over_scale"`; a fact is left out (unknown) while
/// unanswered inputs could still change it.
public struct ConstructionPlugin: SectorPlugin {
    public init() {}

    public var id: String { "construction" }

    public var summary: String {
        "房屋市政工程：危大工程/超过一定规模的危大工程分级（建办质〔2018〕31号附件1、2）"
    }

    public var declaredFacts: [FactDeclaration] {
        let classes = ValueType.enumeration(WorksClass.optionValues)
        return [
            FactDeclaration("excavation_class", classes, label: "基坑工程分级"),
            FactDeclaration("deep_pit", .boolean, label: "深基坑（开挖深度≥5m）"),
            FactDeclaration("formwork_support_class", classes, label: "混凝土模板支撑工程分级"),
            FactDeclaration("formwork_class", classes, label: "模板工程及支撑体系分级"),
            FactDeclaration("lifting_class", classes, label: "起重吊装及起重机械安装拆卸工程分级"),
            FactDeclaration("scaffold_class", classes, label: "脚手架工程分级"),
            FactDeclaration("demolition_class", classes, label: "拆除工程分级"),
            FactDeclaration("underground_class", classes, label: "暗挖工程分级"),
            FactDeclaration("other_class", classes, label: "其它（幕墙、钢结构、人工挖孔桩等）分级"),
            FactDeclaration("project_class", classes, label: "本工程最高分级"),
        ]
    }

    public var declaredInputs: [InputDeclaration] { ConstructionInput.declarations }

    public func derive(from answers: Answers) throws(PluginError) -> Facts {
        let c = try HazardousWorksClassification(answers)
        var facts = Facts()
        let classes: [(String, ClassRange)] = [
            ("excavation_class", c.excavation),
            ("formwork_support_class", c.formworkSupport),
            ("formwork_class", c.formwork),
            ("lifting_class", c.lifting),
            ("scaffold_class", c.scaffold),
            ("demolition_class", c.demolition),
            ("underground_class", c.underground),
            ("other_class", c.other),
            ("project_class", c.project),
        ]
        for (name, range) in classes {
            if let value = range.value { facts[name] = .string(value.rawValue) }
        }
        if let deep = c.deepPit { facts["deep_pit"] = .bool(deep) }
        return facts
    }
}
