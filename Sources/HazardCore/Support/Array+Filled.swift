extension Array {
    /// `Array(repeating:count:)` for the per-request buffers of grading.
    ///
    /// Why: `Array(repeating:count:)` allocates through the standard library's unspecialised
    /// `_allocateBufferUninitialized`, which looks up `_ContiguousArrayStorage<Element>`'s
    /// metadata in the runtime's cache on every call (~530 instructions under callgrind, about
    /// ten arrays per `hazard.grade`). Reserving capacity in specialised code reads that
    /// metadata once per call site and caches it.
    @inline(__always)
    static func filled(with value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.reserveCapacity(count)
        array.append(contentsOf: repeatElement(value, count: count))
        return array
    }
}
