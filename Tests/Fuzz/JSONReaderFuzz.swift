// libFuzzer target for JSONReader/JSONWriter (built by Tests/Fuzz/run-json-fuzz.sh, not by SwiftPM).
// Properties: reading never crashes or hangs; an error's offset lies inside the input; a
// document that reads writes back to text that reads to the same value.

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
    } catch {
        guard error.offset >= 0 && error.offset <= size else { fatalError("offset \(error.offset) outside 0…\(size)") }
    }
    return 0
}
