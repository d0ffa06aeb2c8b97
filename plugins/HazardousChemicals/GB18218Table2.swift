/// GB 18218-2018 Table 2 (categories of chemicals not named in Table 1, critical quantity Q in t)
/// joined with Table 4 (β by category). Values as in the project reference §1.2
/// ([S:code] dataset of the standard's tables).
public enum GB18218Table2 {
    public static let categories: [HazardCategory] = [
        // 健康危害 — 急性毒性
        HazardCategory(code: "J1", label: "急性毒性类别1，所有暴露途径，气体", criticalQuantity: 5, beta: 4),
        HazardCategory(code: "J2", label: "急性毒性类别1，所有暴露途径，固体、液体", criticalQuantity: 50, beta: 1),
        HazardCategory(code: "J3", label: "急性毒性类别2、类别3，所有暴露途径，气体", criticalQuantity: 50, beta: 2),
        HazardCategory(code: "J4", label: "急性毒性类别2、类别3，吸入途径，液体（沸点≤35℃）", criticalQuantity: 50, beta: 2),
        HazardCategory(code: "J5", label: "急性毒性类别2，所有暴露途径，液体（除J4外）、固体", criticalQuantity: 500, beta: 1),
        // 物理危险 — 爆炸物
        HazardCategory(code: "W1.1", label: "不稳定爆炸物、1.1项爆炸物", criticalQuantity: 1, beta: 2),
        HazardCategory(code: "W1.2", label: "1.2、1.3、1.5、1.6项爆炸物", criticalQuantity: 10, beta: 2),
        HazardCategory(code: "W1.3", label: "1.4项爆炸物", criticalQuantity: 50, beta: 2),
        // 易燃气体、气溶胶、氧化性气体
        HazardCategory(code: "W2", label: "易燃气体类别1和类别2", criticalQuantity: 10, beta: 1.5),
        HazardCategory(code: "W3", label: "气溶胶类别1和类别2（按净重计）", criticalQuantity: 150, beta: 1),
        HazardCategory(code: "W4", label: "氧化性气体类别1", criticalQuantity: 50, beta: 1),
        // 易燃液体
        HazardCategory(code: "W5.1", label: "易燃液体类别1；类别2和3且工作温度高于沸点", criticalQuantity: 10, beta: 1.5),
        HazardCategory(code: "W5.2", label: "易燃液体类别2和3，具有引发爆炸的特殊工艺条件", criticalQuantity: 50, beta: 1),
        HazardCategory(code: "W5.3", label: "不属于W5.1或W5.2的其他易燃液体类别2", criticalQuantity: 1000, beta: 1),
        HazardCategory(code: "W5.4", label: "不属于W5.1或W5.2的其他易燃液体类别3", criticalQuantity: 5000, beta: 1),
        // 自反应物质、有机过氧化物
        HazardCategory(code: "W6.1", label: "A型和B型自反应物质和混合物", criticalQuantity: 10, beta: 1.5),
        HazardCategory(code: "W6.2", label: "C型、D型、E型自反应物质和混合物", criticalQuantity: 50, beta: 1),
        HazardCategory(code: "W7.1", label: "A型和B型有机过氧化物", criticalQuantity: 10, beta: 1.5),
        HazardCategory(code: "W7.2", label: "C型、D型、E型、F型有机过氧化物", criticalQuantity: 50, beta: 1),
        // 其他
        HazardCategory(code: "W8", label: "类别1自燃液体、类别1自燃固体", criticalQuantity: 50, beta: 1),
        HazardCategory(code: "W9.1", label: "氧化性固体和液体类别1", criticalQuantity: 50, beta: 1),
        HazardCategory(code: "W9.2", label: "氧化性固体和液体类别2、类别3", criticalQuantity: 200, beta: 1),
        HazardCategory(code: "W10", label: "类别1易燃固体", criticalQuantity: 200, beta: 1),
        HazardCategory(code: "W11", label: "类别1和类别2遇水放出易燃气体的物质和混合物", criticalQuantity: 200, beta: 1),
    ]

    /// The category with this code (any case, full-width characters allowed), or nil.
    public static func category(_ code: String) -> HazardCategory? {
        byKey[SubstanceKey(code)]
    }

    static let byKey: [SubstanceKey: HazardCategory] = {
        var map: [SubstanceKey: HazardCategory] = [:]
        for category in categories { map[SubstanceKey(category.code)] = category }
        return map
    }()
}
