import HazardCore
import Foundation

/// Reads checklist and answers files for the parser.
public enum YAMLFile {
    /// The bytes of `path`, read no further than `limits.maxInputBytes` plus one byte, so an
    /// oversized file (or a device that never ends, such as `/dev/zero`) is refused without
    /// being held in memory.
    ///
    /// - Throws: `YAMLError` (`yamlSyntax` when the file cannot be read, `yamlTooLarge`).
    public static func read(path: String, limits: YAMLLimits = .standard) throws(YAMLError) -> [UInt8] {
        let start = SourceMark(file: path, line: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw YAMLError(message: "cannot read file", mark: start) }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        do {
            // A read may return less than asked for (pipes, some file systems): loop to EOF or the cap.
            while bytes.count <= limits.maxInputBytes {
                guard let chunk = try handle.read(upToCount: limits.maxInputBytes + 1 - bytes.count), !chunk.isEmpty else { break }
                bytes += chunk
            }
        } catch {
            throw YAMLError(message: "cannot read file", mark: start)
        }
        try limits.checkSize(bytes.count, file: path)
        return bytes
    }
}
