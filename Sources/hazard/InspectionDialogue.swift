import HazardCore

/// The question-and-answer loop of `hazard inspect`: shows progress, asks the first open
/// question (or the one taken back), records the reply, and ends with the report.
struct InspectionDialogue {
    let console: InspectConsole

    /// - Throws: `SessionError` when the answers file cannot be saved.
    func run(_ session: inout InspectionSession) throws {
        let checklist = session.checklist
        console.say("\(checklist.title)（\(checklist.id) v\(checklist.version)）· 检查日期 \(session.inspectionDate?.description ?? "—")")
        console.say("答案保存在 \(session.path)，每答一题保存一次。输入 skip 跳过、back 返回上一题、quit 保存退出。")
        let prompt = AnswerPrompt(checklist: checklist, console: console)
        var retake: QuestionID?
        loop: while true {
            let step: InspectionStep
            do {
                step = try session.step()
            } catch {
                throw SessionError(error.description)
            }
            let next: Int? = retake.flatMap { checklist.questionIndex(of: $0) } ?? step.openQuestions.first
            retake = nil
            guard let q = next else { break }
            let question = checklist.questions[q]
            show(step, question: q)
            session.asked += 1
            switch prompt.ask(question) {
            case .answer(let value):
                do {
                    try session.answer(question.id, value)
                } catch let error as AnswerError {
                    console.say("  ✗ " + error.issues.map(\.message).joined(separator: "; "))
                    retake = question.id
                }
            case .skip:
                try session.skip(question.id)
            case .back:
                if let previous = try session.back() {
                    retake = previous
                } else {
                    console.say("  （本次还没有作答，无法返回）")
                    retake = question.id
                }
            case .quit:
                console.say("已保存 \(session.path)；再次运行同一命令可继续。")
                break loop
            case .endOfInput:
                break loop
            }
        }
        try finish(session)
    }

    private func show(_ step: InspectionStep, question q: Int) {
        let checklist = step.checklist
        let p = step.progress
        let k = step.openQuestions.firstIndex(of: q)
        console.say("")
        console.say("[\(p.decided)/\(p.applicable) 已判定] 尚有 \(step.openQuestions.count) 题可能改变结论" + (p.notApplicable > 0 ? "，\(p.notApplicable) 项不适用" : ""))
        let question = checklist.questions[q]
        let role = k.map { step.isApplicability($0) } == true ? "（适用性）" : ""
        console.say("\(role)\(question.label)（\(question.id)）")
        if let help = question.help { console.say("  说明: \(help)") }
        if let k {
            let ids = step.criteria(waitingOn: k).map { checklist.criteria[$0].id.rawValue }
            console.say("  影响: " + ids.prefix(8).joined(separator: ", ") + (ids.count > 8 ? " 等 \(ids.count) 项" : ""))
        }
    }

    private func finish(_ session: InspectionSession) throws {
        let checklist = session.checklist
        let evaluation: Evaluation
        do {
            evaluation = try session.evaluation()
        } catch {
            throw SessionError("\(error)")
        }
        let step = try? session.step()
        console.say("")
        console.say("本次提问 \(session.asked) 次（检查表共 \(checklist.questions.count) 题，已作答 \(session.answers.count) 题）；答案已保存 \(session.path)")
        if let step, !step.skippedQuestions.isEmpty {
            console.say("已跳过但仍可能改变结论的问题: " + step.skippedQuestions.map { checklist.questions[$0].id.rawValue }.joined(separator: ", "))
        }
        console.say("")
        console.say(TextReport(evaluation: evaluation, checklist: checklist).render())
    }
}

extension Checklist {
    /// The number of question `id` in `questions`.
    func questionIndex(of id: QuestionID) -> Int? { questions.firstIndex { $0.id == id } }
}
