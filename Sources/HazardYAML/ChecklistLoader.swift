public import HazardCore
import Foundation

/// Loads checklists from files and folders: parse (libyaml), decode, compile. Reports every
/// diagnostic of every file, so `hazard lint` shows all problems at once.
public struct ChecklistLoader: Sendable {
    public let registry: PluginRegistry
    /// Caps on each file's size, nesting and nodes (`checklists/FORMAT.md`, "Limits").
    public let limits: YAMLLimits

    /// - Parameters:
    ///   - registry: The plugins checklists may name.
    ///   - limits: Caps on each file; the defaults suit every shipped checklist many times over.
    public init(registry: PluginRegistry, limits: YAMLLimits = .standard) {
        self.registry = registry
        self.limits = limits
    }

    /// Loads one checklist file.
    ///
    /// - Throws: `ChecklistError` with every diagnostic of the file.
    public func load(file path: String) throws(ChecklistError) -> Checklist {
        let bytes: [UInt8]
        do { bytes = try YAMLFile.read(path: path, limits: limits) } catch { throw ChecklistError([error.diagnostic]) }
        return try load(bytes: bytes, file: path)
    }

    /// Loads a checklist from bytes (`file` names it in diagnostics).
    public func load(bytes: [UInt8], file: String) throws(ChecklistError) -> Checklist {
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(bytes, file: file, limits: limits)
        } catch {
            throw ChecklistError([error.diagnostic])
        }
        let (decoded, diagnostics) = ChecklistDecoder.decodeCollecting(root, content: bytes, file: file)
        guard let definition = decoded else { throw ChecklistError(diagnostics) }
        do throws(ChecklistError) {
            let checklist = try ChecklistCompiler(registry: registry).compile(definition)
            if !diagnostics.isEmpty { throw ChecklistError([]) }
            return checklist
        } catch {
            // Report decoding and compiling problems together, so one lint run shows them all.
            throw ChecklistError(diagnostics + error.diagnostics)
        }
    }

    /// The result of loading many files: what loaded, and every diagnostic of what did not.
    public struct Batch: Sendable {
        public var checklists: [Checklist] = []
        public var diagnostics: [Diagnostic] = []
        public var files: [String] = []
        /// The bytes each of `checklists` was compiled from, in the same order.
        public var sources: [(file: String, bytes: [UInt8])] = []
    }

    /// The batch's checklists compiled again from the bytes they were loaded from: equal
    /// checklists that share no storage with the first set. A server keeps one set per
    /// thread, so reference counts of shared strings do not bounce between cores.
    public func reloaded(_ batch: Batch) -> [Checklist] {
        batch.sources.compactMap { try? load(bytes: $0.bytes, file: $0.file) }
    }

    /// Loads every `.yaml`/`.yml` file named or found under the given folders (sorted, so
    /// output is stable), and reports checklist ids used twice.
    public func loadAll(_ paths: [String]) -> Batch {
        var batch = Batch()
        var seen: [ChecklistID: String] = [:]
        for file in Self.checklistFiles(in: paths, diagnostics: &batch.diagnostics) {
            batch.files.append(file)
            let bytes: [UInt8]
            do {
                bytes = try YAMLFile.read(path: file, limits: limits)
            } catch {
                batch.diagnostics.append(error.diagnostic)
                continue
            }
            do {
                let checklist = try load(bytes: bytes, file: file)
                if let other = seen[checklist.id] {
                    batch.diagnostics.append(Diagnostic(.duplicateID, "checklist id '\(checklist.id)' is also used by \(other)", at: SourceMark(file: file, line: 1, column: 1)))
                    continue
                }
                seen[checklist.id] = file
                batch.diagnostics += checklist.warnings
                batch.checklists.append(checklist)
                batch.sources.append((file, bytes))
            } catch {
                batch.diagnostics += error.diagnostics
            }
        }
        for (checklist, (file, bytes)) in zip(batch.checklists, batch.sources) {
            guard let successor = checklist.standard.successor, seen[ChecklistID(successor)] == nil else { continue }
            batch.diagnostics.append(Diagnostic(
                .unknownSuccessor, "successor '\(successor)' is not among the checklists loaded with '\(checklist.id)': "
                    + "an inspection dated after valid_until would be told to grade with a checklist that is not there",
                at: Self.mark(of: "successor:", in: bytes, file: file), severity: .warning))
        }
        return batch
    }

    /// Where `key`'s value starts in `bytes` (its first occurrence), else the file's start.
    static func mark(of key: String, in bytes: [UInt8], file: String) -> SourceMark {
        let text = String(decoding: bytes, as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: key) else { continue }
            let value = line[range.upperBound...].prefix { $0 == " " }
            return SourceMark(file: file, line: index + 1, column: line[..<range.upperBound].count + value.count + 1)
        }
        return SourceMark(file: file, line: 1, column: 1)
    }

    /// Checklist files under the paths: YAML files, skipping `schema/` and `*.answers.yaml`.
    public static func checklistFiles(in paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.yamlSyntax, "no such file or folder", at: SourceMark(file: path, line: 1, column: 1)))
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            let found = (manager.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
                .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix("schema/") && !$0.contains("/schema/") }
                .sorted()
            files += found.map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
        }
        return files
    }
}
