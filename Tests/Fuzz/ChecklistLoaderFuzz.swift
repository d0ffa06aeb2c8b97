// libFuzzer target for checklist files (built by Tests/Fuzz/run-checklist-fuzz.sh, not by
// SwiftPM): the input is a checklist as `hazard lint` and `hazard serve` load it, with the
// shipped plugins registered.
// Properties: loading (libyaml, decoding, compiling every expression, checking plugin inputs,
// coverage and finding() cycles) never crashes, hangs or blows memory; every failure is a
// ChecklistError with at least one diagnostic located inside the input. A checklist that loads
// runs its own test cases and grades empty answers without crashing.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let checklist: Checklist
    do {
        checklist = try ChecklistLoader(registry: shippedRegistry).load(bytes: Array(bytes), file: fuzzFile)
    } catch {
        checkLocated(error, in: bytes)
        return 0
    }
    _ = ChecklistTestRunner.run(checklist)
    _ = try? Engine.evaluate(checklist, input: AnswerInput(.mapping([])))
    return 0
}
