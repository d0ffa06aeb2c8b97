// libFuzzer target for the expression language (built by Tests/Fuzz/run-expression-fuzz.sh with
// HazardCore's sources, not by SwiftPM). The input, read as UTF-8, is one condition.
// Properties: lexing, parsing and compiling never crash or hang; a syntax error's offset lies
// inside the text (0…count of its Unicode scalars), and so does every node's offset; compiled
// into a small fixed checklist (every question kind, a list question with fields, a plugin fact
// and function, a second criterion for finding()), a condition either compiles or fails with
// diagnostics located inside the condition's text; a checklist that compiles grades empty and
// full answers without crashing.

let file = "fuzz.yaml"
/// Where the condition sits in the pretend file: line 40, column 17.
let conditionMark = SourceMark(file: file, line: 40, column: 17)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let scalars = text.unicodeScalars.count
    do {
        let expr = try Parser.parse(text)
        checkOffsets(expr, within: scalars)
    } catch {
        guard error.offset >= 0 && error.offset <= scalars else { fatalError("syntax error offset \(error.offset) outside 0…\(scalars): \(error.message)") }
    }
    compileAndGrade(text, scalars: scalars)
    return 0
}

/// Every node's offset lies in 0…scalars. Recursion is bounded by the parser's nesting limit.
func checkOffsets(_ expr: Expr, within scalars: Int) {
    guard expr.offset >= 0 && expr.offset <= scalars else { fatalError("node offset \(expr.offset) outside 0…\(scalars)") }
    switch expr {
    case .number, .string, .bool, .identifier, .member: break
    case .call(_, let args, _): args.forEach { checkOffsets($0, within: scalars) }
    case .not(let inner, _), .negate(let inner, _): checkOffsets(inner, within: scalars)
    case .binary(_, let l, let r, _): checkOffsets(l, within: scalars); checkOffsets(r, within: scalars)
    case .membership(let subject, let items, _, _):
        checkOffsets(subject, within: scalars)
        items.forEach { checkOffsets($0, within: scalars) }
    }
}

func compileAndGrade(_ text: String, scalars: Int) {
    var definition = baseDefinition
    // The condition guards the first criterion and decides it; the second reads it via finding().
    definition.criteria[0].appliesWhen = ExpressionSource(text, at: conditionMark)
    definition.criteria[1].hazardWhen = ExpressionSource(text, at: conditionMark)
    let end = ExpressionSource(text, at: conditionMark).mark(at: scalars)
    do {
        let checklist = try ChecklistCompiler(registry: registry).compile(definition)
        for input in [AnswerInput(.mapping([])), fullAnswers] {
            _ = try? Engine.evaluate(checklist, input: input, inspectionDate: Day(iso: "2026-05-01"))
        }
    } catch {
        for d in error.diagnostics {
            // A cycle through finding() is reported at the criterion, which is also fine.
            if d.code == .criteriaCycle { continue }
            guard d.mark >= conditionMark && d.mark <= end else {
                fatalError("diagnostic at \(d.mark) outside the condition \(conditionMark)…\(end): \(d)")
            }
        }
    }
}

/// A plugin with one fact of each scalar type and a function, so `fz.*` names resolve.
struct FuzzPlugin: SectorPlugin {
    var id: String { "fz" }
    var declaredFacts: [FactDeclaration] {
        [FactDeclaration("ratio", .number, label: "ratio"), FactDeclaration("ok", .boolean, label: "ok"),
         FactDeclaration("due", .date, label: "due"), FactDeclaration("level", .enumeration(["low", "high"]), label: "level")]
    }
    var declaredInputs: [InputDeclaration] { [InputDeclaration(QuestionID("depth_m"), .number)] }
    var functions: [PluginFunction] {
        [PluginFunction("scale", parameters: [.number, .number], result: .number) { args in
            guard case .number(let a)? = args[0], case .number(let b)? = args[1] else { return nil }
            return .number(a / b)
        }]
    }
    func derive(from answers: Answers) throws(PluginError) -> Facts {
        Facts(["ratio": .number(0.5), "ok": .bool(true), "level": .string("high")])
    }
}

let registry = PluginRegistry([FuzzPlugin()])

func at(_ line: Int) -> SourceMark { SourceMark(file: file, line: line, column: 3) }
func located(_ text: String, _ line: Int) -> Located<String> { Located(text, at: at(line)) }

let baseDefinition: ChecklistDefinition = {
    let questions = [
        QuestionDefinition(id: located("has_plan", 10), label: "plan", kind: .boolean),
        QuestionDefinition(id: located("depth_m", 11), label: "depth", kind: .number, unit: "m", min: 0, max: 100),
        QuestionDefinition(id: located("workers", 12), label: "workers", kind: .integer, min: 0),
        QuestionDefinition(id: located("zone", 13), label: "zone", kind: .enum,
                           options: [Located(OptionDefinition(value: "zone_0", label: "0"), at: at(14)),
                                     Located(OptionDefinition(value: "zone_1", label: "1"), at: at(15))]),
        QuestionDefinition(id: located("last_check", 16), label: "checked", kind: .date),
        QuestionDefinition(id: located("note", 17), label: "note", kind: .text),
        QuestionDefinition(id: located("tanks", 18), label: "tanks", kind: .list, fields: [
            QuestionDefinition(id: located("volume_m3", 19), label: "volume", kind: .number),
            QuestionDefinition(id: located("inspected", 20), label: "inspected", kind: .boolean),
            QuestionDefinition(id: located("medium", 21), label: "medium", kind: .enum,
                               options: [Located(OptionDefinition(value: "lpg", label: "LPG"), at: at(22))]),
            QuestionDefinition(id: located("installed", 23), label: "installed", kind: .date),
        ]),
    ]
    let criteria = [
        CriterionDefinition(id: located("FZ-1", 30), clause: "1", title: "first", grade: .major,
                            hazardWhen: ExpressionSource("has_plan == false", at: at(31)), advice: "fix"),
        CriterionDefinition(id: located("FZ-2", 32), clause: "2", title: "second", grade: .general,
                            hazardWhen: ExpressionSource("finding(\"FZ-1\")", at: at(33)), advice: "fix"),
    ]
    let standard = StandardInfo(code: "FZ 1-2026", title: "fuzz", issuer: "fuzz", effective: Day(iso: "2026-01-01")!)
    return ChecklistDefinition(file: file, mark: at(1), id: located("fuzz-2026", 2), version: "1", sector: "fuzz", title: "fuzz",
                               standard: standard, plugin: located("fz", 5), sections: [], questions: questions,
                               criteria: criteria, tests: [], content: [])
}()

let fullAnswers = AnswerInput(.mapping([
    ("has_plan", AnswerInput(.bool(false))), ("depth_m", AnswerInput(.number(6))), ("workers", AnswerInput(.number(0))),
    ("zone", AnswerInput(.string("zone_1"))), ("last_check", AnswerInput(.plain("2025-12-31"))), ("note", AnswerInput(.string("x"))),
    ("tanks", AnswerInput(.sequence([
        AnswerInput(.mapping([("volume_m3", AnswerInput(.number(0))), ("inspected", AnswerInput(.bool(true))),
                              ("medium", AnswerInput(.string("lpg"))), ("installed", AnswerInput(.plain("2020-01-01")))])),
        AnswerInput(.mapping([("volume_m3", AnswerInput(.number(-1)))])),
    ]))),
]))
