import HazardCore
import HazardPlugins
import Testing

/// `SlotBinder` binds answers one at a time from their UTF-8 text (the RPC server reads a
/// request's bytes with it). Whatever it binds must grade exactly as the same answers
/// bound from a tree; whatever does not fit plainly it declines, for the tree path to word.
@Suite("Binding answers one at a time")
struct SlotBinderTests {
    static let checklists = ShippedChecklistTests.batch.checklists

    /// Binds a YAML answer tree through the binder, as a reader of the same answers in JSON
    /// would: false when the binder declines any answer.
    static func bind(_ input: AnswerInput, into binder: inout SlotBinder) -> Bool {
        guard case .mapping(let pairs) = input.kind else { return false }
        for (key, value) in pairs {
            guard let question = utf8(key, { binder.question(utf8: $0) }) else { return false }
            guard binder.claim(question) else { continue }
            if case .sequence(let records) = value.kind {
                guard binder.beginList(question, rows: records.count) else { return false }
                for record in records {
                    guard case .mapping(let fields) = record.kind else { return false }
                    binder.beginRecord()
                    for (name, field) in fields {
                        guard let f = utf8(name, { binder.field(utf8: $0) }), binder.claimField(f) else { return false }
                        guard scalar(field, bool: { binder.bindField(f, bool: $0) }, number: { binder.bindField(f, number: $0) },
                                     text: { text in utf8(text) { binder.bindField(f, utf8: $0) } }) else { return false }
                    }
                }
                binder.endList()
                continue
            }
            guard scalar(value, bool: { binder.bind(question, bool: $0) }, number: { binder.bind(question, number: $0) },
                         text: { text in utf8(text) { binder.bind(question, utf8: $0) } }) else { return false }
        }
        return true
    }

    /// A scalar as JSON would carry it: YAML plain scalars that read as booleans or numbers
    /// become those, the rest text; null leaves the question unanswered.
    static func scalar(_ value: AnswerInput, bool: (Bool) -> Bool, number: (Double) -> Bool, text: (String) -> Bool) -> Bool {
        switch value.kind {
        case .null: return true
        case .bool(let b): return bool(b)
        case .number(let n): return number(n)
        case .decimal: return false
        case .string(let s): return text(s)
        case .plain(let s):
            if s == "true" { return bool(true) }
            if s == "false" { return bool(false) }
            if let n = Double(s) { return number(n) }
            return text(s)
        case .sequence, .mapping: return false
        }
    }

    static func utf8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test("every shipped test case bound one answer at a time grades as it does from the tree")
    func shippedCases() throws {
        var bound = 0, total = 0
        for checklist in Self.checklists {
            for test in checklist.tests {
                total += 1
                var binder = SlotBinder(checklist, inspectionDate: test.inspectionDate)
                guard Self.bind(test.answers, into: &binder) else { continue }
                guard let tree = try? Engine.grade(checklist, input: test.answers, inspectionDate: test.inspectionDate) else {
                    // The tree refuses what the binder took only if the plugin refuses it; so must the binder's grading.
                    #expect(throws: AnswerError.self, "\(checklist.id.rawValue): \(test.name)") { try Engine.grade(binder) }
                    continue
                }
                let direct = try Engine.grade(binder)
                bound += 1
                #expect(direct.summary == tree.summary, "\(checklist.id.rawValue): \(test.name)")
                #expect(direct.findings.findings(checklist.findingTemplates, detail: .full) == tree.findings.findings(checklist.findingTemplates, detail: .full),
                        "\(checklist.id.rawValue): \(test.name)")
            }
        }
        #expect(total > 600)
        #expect(bound > total * 3 / 4)
    }

    static let gas = checklists.first { $0.id.rawValue == "urban-gas-2023" }

    @Test("a repeated answer keeps its first value, as JSON lookups do")
    func repeatedAnswer() throws {
        let checklist = try #require(Self.gas)
        var binder = SlotBinder(checklist, inspectionDate: nil)
        let question = try #require(Self.utf8("has_emergency_plan") { binder.question(utf8: $0) })
        let first = binder.claim(question) && binder.bind(question, bool: false)
        let again = binder.claim(question)
        #expect(first && !again)
        let graded = try Engine.grade(binder)
        let tree = try Engine.grade(checklist, input: AnswerInput(.mapping([("has_emergency_plan", AnswerInput(.bool(false)))])))
        #expect(graded.summary == tree.summary)
    }

    @Test("answers that do not fit plainly are declined", arguments: [
        ("has_emergency_plan", "yes"),            // text for a yes/no question
        ("gas_relative_density", "heavy"),        // text for a number
        ("ex_area_devices", "pump"),              // text for a list
    ])
    func declined(question id: String, text: String) throws {
        let checklist = try #require(Self.gas)
        var binder = SlotBinder(checklist, inspectionDate: nil)
        let question = try #require(Self.utf8(id) { binder.question(utf8: $0) })
        let taken = Self.utf8(text) { binder.bind(question, utf8: $0) }
        #expect(!taken)
    }

    @Test("a number out of the question's bounds is declined, so the tree path reports it")
    func outOfBounds() throws {
        let checklist = try #require(Self.gas)
        var binder = SlotBinder(checklist, inspectionDate: nil)
        let question = try #require(Self.utf8("gas_relative_density") { binder.question(utf8: $0) })
        let taken = binder.bind(question, number: -1)
        #expect(!taken)
        #expect(throws: AnswerError.self) { try Engine.grade(checklist, input: AnswerInput(.mapping([("gas_relative_density", AnswerInput(.number(-1)))]))) }
    }

    @Test("a record naming a field twice, or a field the list does not have, is declined")
    func recordFields() throws {
        let checklist = try #require(Self.gas)
        var binder = SlotBinder(checklist, inspectionDate: nil)
        let question = try #require(Self.utf8("ex_area_devices") { binder.question(utf8: $0) })
        let started = binder.beginList(question, rows: 1)
        binder.beginRecord()
        let zone = try #require(Self.utf8("zone") { binder.field(utf8: $0) })
        let first = binder.claimField(zone), again = binder.claimField(zone)
        #expect(started && first && !again)
        #expect(Self.utf8("colour") { binder.field(utf8: $0) } == nil)
    }

    @Test("a question is found by exactly the bytes of its id")
    func exactBytes() throws {
        let checklist = try #require(Self.gas)
        var binder = SlotBinder(checklist, inspectionDate: nil)
        let found = ["has_emergency_plan", "has_emergency_plan ", "HAS_EMERGENCY_PLAN"].map { id in Self.utf8(id) { binder.question(utf8: $0) } }
        #expect(found[0] != nil && found[1] == nil && found[2] == nil)
    }

    /// The issues an entry point refuses answers with; nil when it takes them.
    static func refusal(_ body: () throws(AnswerError) -> Void) -> [AnswerError.Issue]? {
        do throws(AnswerError) {
            try body()
            return nil
        } catch {
            return error.issues
        }
    }

    @Test("every shipped test case grades the same from its tree and from typed answers, or is refused with the same issues")
    func typedAnswers() throws {
        var graded = 0
        for checklist in Self.checklists {
            for test in checklist.tests {
                var fromTree: Evaluation?, fromTyped: Evaluation?
                let treeIssues = Self.refusal { () throws(AnswerError) in
                    fromTree = try Engine.evaluate(checklist, input: test.answers, inspectionDate: test.inspectionDate)
                }
                let typedIssues = Self.refusal { () throws(AnswerError) in
                    fromTyped = try Engine.evaluate(checklist, try checklist.answers(from: test.answers, inspectionDate: test.inspectionDate))
                }
                #expect(treeIssues == typedIssues, "\(checklist.id.rawValue): \(test.name)")
                #expect(fromTree == fromTyped, "\(checklist.id.rawValue): \(test.name)")
                if fromTree != nil { graded += 1 }
            }
        }
        #expect(graded > 600)
    }

    @Test("an answer the binder declines is read leniently or worded, and each problem is reported")
    func declinedFromTree() throws {
        let checklist = try #require(Self.gas)
        let input = AnswerInput(.mapping([
            ("has_emergency_plan", AnswerInput(.plain("TRUE"))),
            ("gas_relative_density", AnswerInput(.number(-1))),
            ("ex_area_devices", AnswerInput(.sequence([AnswerInput(.mapping([
                ("device", AnswerInput(.string("pump"))), ("zone", AnswerInput(.string("zone_1"))), ("colour", AnswerInput(.string("red"))),
            ]))]))),
            ("no_such_question", AnswerInput(.bool(true))),
        ]))
        let issues = try #require(Self.refusal { () throws(AnswerError) in _ = try Engine.evaluate(checklist, input: input) })
        #expect(issues.map(\.code) == [.outOfBounds, .unknownField, .unknownQuestion])
        #expect(issues.map(\.path) == ["gas_relative_density", "ex_area_devices[0].colour", "no_such_question"])
        #expect(issues[0].message.contains("below the minimum"))
    }

    @Test("a lenient answer binds as the value it reads as: YAML's TRUE, a number for text, a plain option")
    func lenientFromTree() throws {
        let checklist = try #require(Self.gas)
        let input = AnswerInput(.mapping([
            ("has_emergency_plan", AnswerInput(.plain("TRUE"))),
            ("ex_area_devices", AnswerInput(.sequence([AnswerInput(.mapping([
                ("device", AnswerInput(.number(7))), ("zone", AnswerInput(.plain("zone_1"))),
            ]))]))),
        ]))
        let answers = try checklist.answers(from: input)
        #expect(answers.values == [
            QuestionID("has_emergency_plan"): .bool(true),
            QuestionID("ex_area_devices"): .list([Record(["device": .string("7"), "zone": .string("zone_1")])]),
        ])
        #expect(try Engine.evaluate(checklist, input: input) == (try Engine.evaluate(checklist, answers)))
    }

    @Test("typed answers of the wrong kind are refused with the question's expectation")
    func typedMismatch() throws {
        let checklist = try #require(Self.gas)
        let issues = try #require(Self.refusal { () throws(AnswerError) in
            _ = try Engine.evaluate(checklist, Answers([QuestionID("has_emergency_plan"): .string("yes")]))
        })
        #expect(issues.map(\.code) == [.wrongType])
        #expect(issues.first?.path == "has_emergency_plan")
    }
}
