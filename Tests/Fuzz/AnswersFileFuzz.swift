// libFuzzer target for answers files (built by Tests/Fuzz/run-answers-fuzz.sh, not by SwiftPM):
// the input is an answers file as `hazard evaluate` reads it.
// Properties: parsing never crashes, hangs (-timeout) or blows memory (-rss_limit_mb), whatever
// the YAML (aliases, deep nesting, tags, bad UTF-8); every failure is a ChecklistError with at
// least one diagnostic located inside the input. A file that parses is graded as the CLI grades
// it, against the shipped checklist it names (urban-gas-2023 when it names none or an unknown
// one): binding answers and deriving plugin facts either succeed or throw, never crash.

/// Every shipped checklist, loaded once (the script runs from the repository root).
let shipped: [String: Checklist] = {
    let batch = ChecklistLoader(registry: shippedRegistry).loadAll(["checklists"])
    guard batch.diagnostics.allSatisfy({ $0.severity != .error }), !batch.checklists.isEmpty else {
        fatalError("shipped checklists did not load: \(batch.diagnostics.first.map(\.description) ?? "none found")")
    }
    return Dictionary(uniqueKeysWithValues: batch.checklists.map { ($0.id.rawValue, $0) })
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let file: AnswersFile
    do {
        file = try AnswersFile.parse(Array(bytes), file: fuzzFile)
    } catch {
        checkLocated(error, in: bytes)
        return 0
    }
    guard let target = file.checklist.flatMap({ shipped[$0.rawValue] }) ?? shipped["urban-gas-2023"] else { fatalError("urban-gas-2023 not loaded") }
    if let answers = try? target.answers(from: file.answers, inspectionDate: file.inspectionDate) {
        _ = try? Engine.evaluate(target, answers)
    }
    _ = try? Engine.evaluate(target, input: file.answers, inspectionDate: file.inspectionDate)
    return 0
}
