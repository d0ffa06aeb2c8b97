/// GB 18218-2018 Table 1 (危险化学品名称及其临界量), as far as the project reference §1.2 names
/// its substances, with β from Table 3 (toxic gases) or a default Table 4 category.
///
/// Sources and caveats:
/// - Q of every row and β of the Table 3 gases: reference §1.2 ([S:code] dataset; "values
///   checked against memory" there).
/// - The real Table 1 has 85 rows; only those the reference names are here. Any other chemical
///   must be given with its Table 2 category (record field `category`). Caution: for a Table 1
///   chemical missing here, Table 2 may give a different Q than Table 1 would.
/// - [M] CAS numbers, the default categories of the non-Table-3 rows, `liquefied` and
///   `highlyToxicLiquid` flags are the encoder's (general chemical knowledge), not the
///   reference's. The reference's worked examples fix 甲醇 → W5.3 (β 1) and 液化石油气 → W2 (β 1.5).
public enum GB18218Table1 {
    public static let substances: [NamedSubstance] = [
        // Toxic gases of Table 3 (β fixed by the table).
        NamedSubstance("氨", aliases: ["液氨", "氨气", "无水氨", "NH3"], cas: ["7664-41-7"],
                       q: 10, beta: .toxicGas(2), liquefied: true),
        NamedSubstance("氯", aliases: ["液氯", "氯气", "Cl2"], cas: ["7782-50-5"],
                       q: 5, beta: .toxicGas(4), liquefied: true),
        NamedSubstance("碳酰氯", aliases: ["光气", "COCl2"], cas: ["75-44-5"],
                       q: 0.3, beta: .toxicGas(20), liquefied: true),
        NamedSubstance("硫化氢", aliases: ["H2S"], cas: ["7783-06-4"],
                       q: 5, beta: .toxicGas(5), liquefied: true),
        NamedSubstance("氰化氢", aliases: ["无水氢氰酸", "HCN"], cas: ["74-90-8"],
                       q: 1, beta: .toxicGas(10), highlyToxicLiquid: true,
                       note: "[M] stored as a liquid (bp ≈ 26 ℃) and 剧毒: also counted as a 剧毒液体"),
        NamedSubstance("氟化氢", aliases: ["无水氟化氢", "HF"], cas: ["7664-39-3"],
                       q: 1, beta: .toxicGas(5)),
        NamedSubstance("二氧化硫", aliases: ["亚硫酸酐", "液态二氧化硫", "SO2"], cas: ["7446-09-5"],
                       q: 20, beta: .toxicGas(2), liquefied: true),
        NamedSubstance("氯化氢(无水)", aliases: ["氯化氢", "无水氯化氢", "HCl"], cas: ["7647-01-0"],
                       q: 20, beta: .toxicGas(3), liquefied: true,
                       note: "盐酸 (the aqueous solution) is not this row"),
        NamedSubstance("环氧乙烷", aliases: ["氧化乙烯", "EO"], cas: ["75-21-8"],
                       q: 10, beta: .toxicGas(2), liquefied: true),
        NamedSubstance("异氰酸甲酯", aliases: ["甲基异氰酸酯", "MIC"], cas: ["624-83-9"],
                       q: 0.75, beta: .toxicGas(20), highlyToxicLiquid: true,
                       note: "[M] stored as a liquid (bp ≈ 39 ℃) and 剧毒: also counted as a 剧毒液体"),
        NamedSubstance("煤气(CO,CO和H2、CH4的混合物等)", aliases: ["煤气", "一氧化碳", "CO"], cas: ["630-08-0"],
                       q: 20, beta: .toxicGas(2),
                       note: "β 2 is Table 3's value for 一氧化碳, applied to the whole row (interpretation)"),
        NamedSubstance("磷化氢", aliases: ["膦", "PH3"], cas: ["7803-51-2"],
                       q: 1, beta: .toxicGas(20), liquefied: true),
        NamedSubstance("溴甲烷", aliases: ["甲基溴"], cas: ["74-83-9"],
                       q: 10, beta: .toxicGas(3), liquefied: true),
        NamedSubstance("二氧化氮", aliases: ["NO2"], cas: ["10102-44-0"],
                       q: 1, beta: .toxicGas(10), liquefied: true,
                       note: "[M] Q 1 t is not in the reference's Q table (only its β 10 is); from memory of Table 1"),

        // Other toxic chemicals.
        NamedSubstance("砷化氢", aliases: ["胂", "AsH3"], cas: ["7784-42-1"],
                       q: 1, beta: .category("J1"), liquefied: true,
                       note: "[M] not in Table 3; acute toxicity cat. 1 gas → J1, β 4 (also 40号令: unlisted 剧毒 gas β 4)"),
        NamedSubstance("甲醛(含量>90%)", aliases: ["甲醛(>90%)"],
                       q: 5, beta: .category("J3"),
                       note: "[M] treated as a toxic gas (J3, β 2); plain 甲醛 / CAS 50-00-0 are ambiguous (formalin is not this row)"),

        // Flammable gases (W2, β 1.5).
        NamedSubstance("液化石油气", aliases: ["LPG", "石油气(液化的)", "丙烷", "丁烷"],
                       cas: ["68476-85-7", "74-98-6", "106-97-8"],
                       q: 50, beta: .category("W2"), liquefied: true,
                       note: "[M] 丙烷/丁烷 as part of this row (含丙烷、丁烷及其混合物) per the [S:code] dataset"),
        NamedSubstance("甲烷,天然气", aliases: ["甲烷", "天然气", "压缩天然气", "CNG"],
                       liquefiedAliases: ["液化天然气", "LNG", "液化甲烷"], cas: ["74-82-8", "8006-14-2"],
                       q: 50, beta: .category("W2")),
        NamedSubstance("氢", aliases: ["氢气", "压缩氢", "H2"], liquefiedAliases: ["液氢"], cas: ["1333-74-0"],
                       q: 5, beta: .category("W2")),
        NamedSubstance("乙炔", aliases: ["电石气"], cas: ["74-86-2"],
                       q: 1, beta: .category("W2")),
        NamedSubstance("乙烯", cas: ["74-85-1"],
                       q: 50, beta: .category("W2"), liquefied: true),
        NamedSubstance("1,3-丁二烯", aliases: ["丁二烯", "联乙烯"], cas: ["106-99-0"],
                       q: 5, beta: .category("W2"), liquefied: true),
        NamedSubstance("氯乙烯", aliases: ["乙烯基氯", "VCM"], cas: ["75-01-4"],
                       q: 50, beta: .category("W2"), liquefied: true),

        // Flammable liquids (default W5.3, β 1).
        NamedSubstance("苯", aliases: ["纯苯"], cas: ["71-43-2"], q: 50, beta: .category("W5.3")),
        NamedSubstance("甲苯", aliases: ["甲基苯"], cas: ["108-88-3"], q: 500, beta: .category("W5.3")),
        NamedSubstance("甲醇", aliases: ["木醇", "木精"], cas: ["67-56-1"], q: 500, beta: .category("W5.3")),
        NamedSubstance("乙醇", aliases: ["酒精", "无水乙醇"], cas: ["64-17-5"], q: 500, beta: .category("W5.3")),
        NamedSubstance("丙酮", aliases: ["二甲基酮"], cas: ["67-64-1"], q: 500, beta: .category("W5.3")),
        NamedSubstance("汽油(含乙醇汽油、甲醇汽油)", aliases: ["汽油", "乙醇汽油", "甲醇汽油"], cas: ["86290-81-5"],
                       q: 200, beta: .category("W5.3"),
                       note: "[M] default category 2 (W5.3); give category W5.1 for a category-1 gasoline"),
        NamedSubstance("二硫化碳", cas: ["75-15-0"], q: 50, beta: .category("W5.3"),
                       note: "[M] flammable liquid category 2 (W5.3)"),

        // Others.
        NamedSubstance("硝酸铵(含可燃物>0.2%)", aliases: ["硝酸铵(可燃物>0.2%)", "硝酸铵(>0.2%)"],
                       q: 5, beta: .category("W1.1"),
                       note: "[M] with >0.2 % combustibles an explosive (W1.1, β 2); plain 硝酸铵 / CAS 6484-52-2 are ambiguous"),
        NamedSubstance("氧(压缩的或液化的)", aliases: ["氧", "氧气", "压缩氧", "O2"], liquefiedAliases: ["液氧"],
                       cas: ["7782-44-7"], q: 200, beta: .category("W4")),
        NamedSubstance("碳化钙", aliases: ["电石"], cas: ["75-20-7"], q: 100, beta: .category("W11")),
    ]

    /// Names and CAS numbers that Table 1 qualifies by concentration: the bare name is refused
    /// rather than guessed (formalin is not 甲醛 >90 %).
    public static let ambiguous: [String: String] = [
        "甲醛": "表1只列“甲醛(含量>90%)”：请写该名称，较稀的溶液（如福尔马林）请在 category 给出其表2类别",
        "50-00-0": "表1只列“甲醛(含量>90%)”：请写该名称，较稀的溶液（如福尔马林）请在 category 给出其表2类别",
        "硝酸铵": "表1按可燃物含量区分硝酸铵：含可燃物>0.2%的写“硝酸铵(含可燃物>0.2%)”，其他请在 category 给出类别",
        "6484-52-2": "表1按可燃物含量区分硝酸铵：含可燃物>0.2%的写“硝酸铵(含可燃物>0.2%)”，其他请在 category 给出类别",
    ]
}
