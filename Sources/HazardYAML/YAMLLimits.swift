import HazardCore

/// Caps on what one YAML file (a checklist or an answers file) may make the parser read and
/// build. A hostile file must fail with a located error long before it can exhaust memory or
/// the stack: a 678-byte "billion laughs" file once took `evaluate` to 6 GB, and 10,000
/// nested brackets (20 KB) overflowed the stack.
///
/// The defaults leave generous headroom over every shipped file (see each limit) and are
/// documented in `checklists/FORMAT.md` under "Limits". Callers may pass other values.
public struct YAMLLimits: Sendable, Hashable {
    /// Bytes of one file. 8 MiB: the largest shipped checklist is 825 KB (gb35181-2025), and an
    /// answers file with a 40,000-record list is 3.7 MB. Files are read only up to this size plus one byte,
    /// so an oversized (or endless) file is never held in memory whole.
    public var maxInputBytes: Int

    /// Levels of nested lists and mappings (`[[1]]` is 2). 64: the deepest shipped checklist
    /// has 7 and the example answers files 4. Capped at `depthCeiling` whatever a caller asks.
    public var maxDepth: Int

    /// Nodes (scalars, lists, mappings) in the document with every alias expanded: an alias
    /// counts the whole subtree it names each time it is used, so a "billion laughs" file
    /// stops at the alias that crosses the limit, before anything is expanded. 1,000,000: the
    /// largest shipped checklist has about 38,700 nodes, a 40,000-record answers list 280,000.
    public var maxNodes: Int

    /// The most nesting any caller may allow. Walkers of the finished tree that recurse once
    /// per level (`AnswerInput`'s `==` and `hash`, and Swift's own deallocation of nested
    /// values) need it bounded: at 256 levels, a debug build converts, hashes, compares and
    /// frees the tree within a 512 KiB stack (macOS's secondary threads; hashing alone needs
    /// more than 256 KiB). It matches `JSONReader.maximumDepth`, which bounds the same trees
    /// built from JSON.
    public static let depthCeiling = 256

    /// - Parameters:
    ///   - maxInputBytes: Bytes of one file.
    ///   - maxDepth: Levels of nested lists and mappings; values above `depthCeiling` act as it.
    ///   - maxNodes: Nodes after alias expansion.
    public init(maxInputBytes: Int = 8 << 20, maxDepth: Int = 64, maxNodes: Int = 1_000_000) {
        self.maxInputBytes = maxInputBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The limits `hazard lint`, `hazard evaluate` and `hazard serve` use.
    public static let standard = YAMLLimits()

    /// `maxDepth`, held to `depthCeiling`.
    var effectiveDepth: Int { min(maxDepth, Self.depthCeiling) }
}

extension YAMLLimits {
    /// Refuses input over `maxInputBytes`, at the start of the file (it is the whole file that
    /// is too large, not one line of it).
    func checkSize(_ count: Int, file: String) throws(YAMLError) {
        guard count > maxInputBytes else { return }
        throw YAMLError(.yamlTooLarge, message: "file is larger than \(Self.describe(bytes: maxInputBytes)), the limit for a checklist or answers file",
                        mark: SourceMark(file: file, line: 1, column: 1))
    }

    static func describe(bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
