package import HazardJSON
import HazardCoreJSON

/// What a connection keeps from one request to the next: the tape its requests are read
/// into, and the size of its last response, which the next one is given room for in the
/// outgoing buffer (where its JSON is written in place).
package struct RPCScratch {
    package var tape = JSONTape()
    /// Bytes of the last response written (at most `largestExpected`); a full grading result
    /// (~15 KB) to start with.
    package var expectedResponse = 16_384
    package static let largestExpected = 1 << 18

    package init() {}
}
