/// One first-level item of a standard as its text numbers it (e.g. `第八条（三）`, `5.2.1 b`),
/// declared under `standard.items` so a checklist's coverage of the text can be counted.
public struct StandardItem: Sendable, Hashable, Codable {
    public var id: String
    /// Short Chinese topic, shown where an item is reported as not encoded.
    public var title: String?
    /// Why the item's text could not be encoded (the reference lacks it); such an item is
    /// covered only by a manual criterion and counted apart from the encoded ones.
    public var textMissing: String?

    public init(id: String, title: String? = nil, textMissing: String? = nil) {
        self.id = id
        self.title = title
        self.textMissing = textMissing
    }

    enum CodingKeys: String, CodingKey {
        case id, title
        case textMissing = "text_missing"
    }
}
