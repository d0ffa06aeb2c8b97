/// A record of a list answer that decided a list function in a finding's conditions: the
/// device with `epl: none` that made `any(ex_area_devices, epl == "none" …)` true.
///
/// Which records a finding lists depends on the function: for `any` and `count` the records
/// the row condition held for (`matched`), for `all` the ones it failed for (`unmatched`) —
/// the records that decided the result either way — and for all three the records it could
/// not be decided for (`undecided`, a field left unanswered). Worked out when findings are
/// built, never while grading.
public struct MatchedRow: Sendable, Hashable {
    public enum Function: String, Sendable, Hashable, Codable {
        case any, all, count
    }

    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The row condition is true for this record.
        case matched
        /// The row condition is false for this record.
        case unmatched
        /// The row condition reads a field this record left out.
        case undecided
    }

    public var function: Function
    /// Position in the list answer, from 0 (as answer paths write it: `ex_area_devices[2]`).
    public var index: Int
    public var outcome: Outcome
    /// The fields that identify the record: its first text field and every field the row
    /// condition reads (those it answered).
    public var record: Record

    public init(function: Function, index: Int, outcome: Outcome, record: Record) {
        self.function = function
        self.index = index
        self.outcome = outcome
        self.record = record
    }
}

extension MatchedRow: Codable {
    enum CodingKeys: String, CodingKey { case function, index, outcome, record }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        function = try container.decode(Function.self, forKey: .function)
        index = try container.decode(Int.self, forKey: .index)
        outcome = try container.decode(Outcome.self, forKey: .outcome)
        record = Record(try container.decode([String: Value].self, forKey: .record))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(function, forKey: .function)
        try container.encode(index, forKey: .index)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(record.fields, forKey: .record)
    }
}
