public import HazardCore
import Foundation

/// Loads checklists from files and folders: parse (libyaml), decode, compile. Reports every
/// diagnostic of every file, so `hazard lint` shows all problems at once.
public struct ChecklistLoader: Sendable {
    public let registry: PluginRegistry

    public init(registry: PluginRegistry) { self.registry = registry }

    /// Loads one checklist file.
    ///
    /// - Throws: `ChecklistError` with every diagnostic of the file.
    public func load(file path: String) throws(ChecklistError) -> Checklist {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ChecklistError([Diagnostic(.yamlSyntax, "cannot read file", at: SourceMark(file: path, line: 1, column: 1))])
        }
        return try load(bytes: [UInt8](data), file: path)
    }

    /// Loads a checklist from bytes (`file` names it in diagnostics).
    public func load(bytes: [UInt8], file: String) throws(ChecklistError) -> Checklist {
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(bytes, file: file)
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
    }

    /// Loads every `.yaml`/`.yml` file named or found under the given folders (sorted, so
    /// output is stable), and reports checklist ids used twice.
    public func loadAll(_ paths: [String]) -> Batch {
        var batch = Batch()
        var seen: [ChecklistID: String] = [:]
        for file in Self.checklistFiles(in: paths, diagnostics: &batch.diagnostics) {
            batch.files.append(file)
            do {
                let checklist = try load(file: file)
                if let other = seen[checklist.id] {
                    batch.diagnostics.append(Diagnostic(.duplicateID, "checklist id '\(checklist.id)' is also used by \(other)", at: SourceMark(file: file, line: 1, column: 1)))
                    continue
                }
                seen[checklist.id] = file
                batch.checklists.append(checklist)
            } catch {
                batch.diagnostics += error.diagnostics
            }
        }
        return batch
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
