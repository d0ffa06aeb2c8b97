/// What a connection reuses from one request to the next: the writer a response's JSON is
/// written in, and the tape its request is read into. Keeping them saves allocating ~16 KB
/// of JSON text and a token array for every request.
public struct RPCScratch: ~Copyable {
    public var json: JSONOutput
    public var tape: JSONTape

    /// `jsonCapacity` sized for a full grading result (~15 KB), so the common large answer is
    /// written without regrowing.
    public init(jsonCapacity: Int = 16_384) {
        json = JSONOutput(capacity: jsonCapacity)
        tape = JSONTape()
    }
}
