// libFuzzer target for JSONReader/JSONWriter (built by Tests/Fuzz/run-json-fuzz.sh, not by SwiftPM).
// Properties: reading never crashes or hangs; an error's offset lies inside the input; a
// document that reads writes back to text that reads to the same value; its token tape is
// well formed (every subtree ends after it starts and inside its parent, counts match).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    do {
        let value = try JSONReader.read(bytes)
        let written = JSONWriter.bytes(value)
        guard let again = try? JSONReader.read(written), again == value else {
            fatalError("round trip changed the value: \(String(decoding: written, as: UTF8.self))")
        }
        var out = JSONOutput()
        value.write(to: &out)
        guard out.bytes == written else { fatalError("JSONOutput and JSONWriter disagree") }
        var tape = JSONTape()
        try JSONReader.read(bytes, into: &tape)
        guard check(tape, JSONTape.root, end: tape.next(JSONTape.root), size: size) == tape.next(JSONTape.root) else {
            fatalError("tape subtrees do not nest")
        }
    } catch {
        guard error.offset >= 0 && error.offset <= size else { fatalError("offset \(error.offset) outside 0…\(size)") }
    }
    return 0
}

/// Walks the subtree at `token`, which must end by `end`; returns where it ends.
func check(_ tape: JSONTape, _ token: Int, end: Int, size: Int) -> Int {
    let next = tape.next(token)
    guard next > token, next <= end else { fatalError("token \(token): subtree ends at \(next), outside \(token + 1)…\(end)") }
    switch tape.kind(token) {
    case .array:
        var at = token + 1, items = 0
        while at < next { at = check(tape, at, end: next, size: size); items += 1 }
        guard items == tape.count(token) else { fatalError("array \(token): \(items) items, count \(tape.count(token))") }
    case .object:
        var at = token + 1, members = 0
        while at < next {
            guard tape.kind(at) == .string || tape.kind(at) == .escapedString else { fatalError("object \(token): a name that is not a string") }
            at = check(tape, check(tape, at, end: next, size: size), end: next, size: size)
            members += 1
        }
        guard members == tape.count(token) else { fatalError("object \(token): \(members) members, count \(tape.count(token))") }
    default:
        guard next == token + 1 else { fatalError("scalar \(token) has children") }
    }
    return next
}
