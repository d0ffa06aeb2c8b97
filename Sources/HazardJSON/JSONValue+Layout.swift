extension JSONValue {
    /// The same value with every object's members ordered by the UTF-8 bytes of their names
    /// (stable, so repeated names keep their order): the canonical form the ledger stores and
    /// hashes, so equal values give equal text whichever order they were written in.
    public var sortingKeys: JSONValue {
        switch self {
        case .array(let items): return .array(items.map(\.sortingKeys))
        case .object(let members):
            let sorted = members.enumerated().sorted { a, b in
                a.element.key.utf8.lexicographicallyPrecedes(b.element.key.utf8)
                    || (a.element.key == b.element.key && a.offset < b.offset)
            }
            return .object(sorted.map { JSONMember(key: $0.element.key, value: $0.element.value.sortingKeys) })
        case .null, .bool, .number, .string: return self
        }
    }

    /// The JSON text indented by two spaces per level, members in their order, one line per
    /// member or item (what the CLI prints for people to read; the same tokens as the compact
    /// text `JSONWriter` gives).
    public var prettyText: String {
        var out: [UInt8] = []
        writePretty(into: &out, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func writePretty(into out: inout [UInt8], depth: Int) {
        func newline(_ depth: Int) {
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
        }
        switch self {
        case .array(let items) where !items.isEmpty:
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                item.writePretty(into: &out, depth: depth + 1)
            }
            newline(depth)
            out.append(UInt8(ascii: "]"))
        case .object(let members) where !members.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                JSONWriter.writeString(member.key, into: &out)
                out.append(contentsOf: ": ".utf8)
                member.value.writePretty(into: &out, depth: depth + 1)
            }
            newline(depth)
            out.append(UInt8(ascii: "}"))
        default:
            JSONWriter.write(self, into: &out)
        }
    }
}
