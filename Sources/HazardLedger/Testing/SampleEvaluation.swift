import Foundation
package import HazardCore

/// Synthetic evaluations for tests, the crash writer and the benchmark, so they need no
/// checklist files. Decoded once from JSON; not for production use.
package enum SampleEvaluation {
    /// An evaluation of `checklist` with `major` + `general` hazard findings and `compliant`
    /// compliant ones, dated `date`.
    package static func make(checklist: String = "sample-2026", version: String = "1.0.0", date: Day,
                             major: Int, general: Int, compliant: Int = 0) throws -> Evaluation {
        var findings: [String] = []
        func finding(_ i: Int, _ status: String, _ grade: String) -> String {
            """
            {"criterion":"S-\(i)","clause":"第\(i)条","title":"检查项\(i)：安全设施未按规定设置或失效","section":null,"grade":"\(grade)",\
            "status":"\(status)","weight":1,"manual":false,"evidence":[{"kind":"answer","name":"item_\(i)_ok","label":"第\(i)项是否符合要求",\
            "value":false},{"kind":"answer","name":"item_\(i)_distance","label":"安全距离","value":\(10 + i),"unit":"m"}],\
            "advice":"按标准第\(i)条整改","note":null}
            """
        }
        var i = 0
        for _ in 0..<major { i += 1; findings.append(finding(i, "major", "major")) }
        for _ in 0..<general { i += 1; findings.append(finding(i, "general", "general")) }
        for _ in 0..<compliant { i += 1; findings.append(finding(i, "compliant", "general")) }
        let json = """
            {"checklist":{"id":"\(checklist)","version":"\(version)","sha256":"\(String(repeating: "ab", count: 32))","standard":"GB 00000-2026",\
            "title":"示例检查表"},"inspection_date":"\(date)","findings":[\(findings.joined(separator: ","))],\
            "counts":{"major":\(major),"general":\(general),"compliant":\(compliant),"not_applicable":0,"unanswered":0,"manual":0},\
            "score":50,"completeness":1,"rating":{"level":"red","label":"重大风险","provisional":false},"sections":[],"facts":{},"warnings":[]}
            """
        return try JSONDecoder().decode(Evaluation.self, from: Data(json.utf8))
    }
}
