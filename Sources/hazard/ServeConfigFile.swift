import Foundation
import HazardJSON
import HazardCore
import HazardRPC

/// A mistake in a `hazard serve` config file, located like checklist diagnostics.
struct ServeConfigError: Error, Sendable, CustomStringConvertible {
    enum Code: String, Sendable { case unreadable, jsonSyntax, notAnObject, unknownKey, duplicateKey, wrongType }
    var code: Code
    var message: String
    var mark: SourceMark
    var description: String { "\(mark): error: \(message) [\(code.rawValue)]" }
}

/// Checks a config file before swift-configuration's `FileProvider` reads it: `JSONSnapshot`
/// ignores keys it is not asked for and names no line, so a misspelt `"prot": 7000` would
/// silently leave the default port. Every mistake is collected, as `hazard lint` does.
///
/// The file is one JSON object of `ServeSetting` keys (`{"port": 7420, "idle_timeout": 30}`).
struct ServeConfigFile: Sendable {
    var path: String
    /// Where each key's value is, for messages about values that are the wrong size.
    var marks: [String: SourceMark]

    /// - Throws: `[ServeConfigError]`, every problem found, in file order.
    static func check(path: String, settings: [String: ServeSetting] = ServeSetting.byKey) throws(ServeConfigErrors) -> ServeConfigFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
            throw ServeConfigErrors([ServeConfigError(code: .unreadable, message: "config file: \(reason)", mark: SourceMark(file: path, line: 1, column: 1))])
        }
        let bytes = [UInt8](data)
        return try bytes.withUnsafeBufferPointer { (document) throws(ServeConfigErrors) -> ServeConfigFile in
            func mark(_ offset: Int) -> SourceMark { Self.mark(offset, in: document, file: path) }
            func start(_ token: Int, in tape: JSONTape) -> Int {
                let raw = tape.bytes(token, in: document)
                guard let base = document.baseAddress, let at = raw.baseAddress else { return 0 }
                // A string's bytes start after its opening quote; point at the quote.
                let isString = tape.kind(token) == .string || tape.kind(token) == .escapedString
                return base.distance(to: at) - (isString ? 1 : 0)
            }
            var tape = JSONTape()
            do throws(JSONError) {
                try JSONReader.read(document, into: &tape)
            } catch {
                throw ServeConfigErrors([ServeConfigError(code: .jsonSyntax, message: error.message, mark: mark(error.offset))])
            }
            guard tape.kind(JSONTape.root) == .object else {
                throw ServeConfigErrors([ServeConfigError(code: .notAnObject, message: "the config file must be one JSON object of settings, e.g. {\"port\": 7420}", mark: mark(start(JSONTape.root, in: tape)))])
            }
            var errors: [ServeConfigError] = []
            var marks: [String: SourceMark] = [:]
            for (name, value) in tape.members(JSONTape.root) {
                let key = tape.string(name, in: document)
                let keyMark = mark(start(name, in: tape))
                guard let setting = settings[key] else {
                    errors.append(ServeConfigError(code: .unknownKey, message: "unknown setting '\(key)'\(Suggestion.hint(for: key, in: settings.keys))", mark: keyMark))
                    continue
                }
                guard marks[key] == nil else {
                    errors.append(ServeConfigError(code: .duplicateKey, message: "'\(key)' is set twice", mark: keyMark))
                    continue
                }
                let valueMark = mark(start(value, in: tape))
                marks[key] = valueMark
                if !Self.fits(value, setting.kind, tape: tape, document: document) {
                    errors.append(ServeConfigError(code: .wrongType, message: "'\(key)' must be \(setting.kind.noun)", mark: valueMark))
                }
            }
            guard errors.isEmpty else { throw ServeConfigErrors(errors) }
            return ServeConfigFile(path: path, marks: marks)
        }
    }

    private static func fits(_ token: Int, _ kind: ServeSetting.Kind, tape: JSONTape, document: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case .string, .path:
            return tape.kind(token) == .string || tape.kind(token) == .escapedString
        case .seconds:
            return tape.kind(token) == .number
        case .integer:
            return tape.kind(token) == .number && !tape.bytes(token, in: document).contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    private static func mark(_ offset: Int, in document: UnsafeBufferPointer<UInt8>, file: String) -> SourceMark {
        let end = min(max(offset, 0), document.count)
        var line = 1, lineStart = 0
        for index in 0..<end where document[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: UnsafeBufferPointer(rebasing: document[lineStart..<end]), as: UTF8.self).count + 1
        return SourceMark(file: file, line: line, column: column)
    }
}

/// Every mistake found in a config file.
struct ServeConfigErrors: Error, Sendable, CustomStringConvertible {
    var errors: [ServeConfigError]
    init(_ errors: [ServeConfigError]) { self.errors = errors }
    var description: String { errors.map(\.description).joined(separator: "\n") }
}
