import Configuration
import Foundation
import HazardCore
import Synchronization

/// The effective settings of `hazard serve` and where each came from, resolved through
/// swift-configuration: the flags given, then `HAZARD_*` variables, then the JSON config file
/// (`--config`, else `HAZARD_CONFIG`), then the defaults of `ServeSetting.all`.
struct ServeSettings: Sendable {
    enum Source: Sendable, Equatable {
        case flag, environment, file, defaultValue
        /// No value anywhere and no default.
        case unset
    }

    struct Entry: Sendable {
        var setting: ServeSetting
        var value: ConfigContent?
        var source: Source
    }

    /// In `ServeSetting.all` order.
    var entries: [Entry]
    /// The config file read, if any, and who named it (`--config` or `HAZARD_CONFIG`).
    var file: (checked: ServeConfigFile, origin: String)?

    /// A value that cannot be used, named by where it came from.
    struct Invalid: Error, Sendable, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Resolves every setting.
    ///
    /// - Parameters:
    ///   - flags: the flags given, by setting key (`ServeFlags.given(in:)`).
    ///   - environment: the process environment; only `HAZARD_<KEY>` variables are read.
    ///   - configFile: the config file and who named it, or nil.
    /// - Throws: `ServeConfigErrors` for a config file that is unreadable or wrong (every
    ///   mistake, located); `Invalid` for a variable of the wrong type.
    static func resolve(flags: [String: ConfigContent], environment: [String: String],
                        configFile: (path: String, origin: String)?) async throws -> ServeSettings {
        var providers: [any ConfigProvider] = [
            InMemoryProvider(name: "flags", values: Dictionary(uniqueKeysWithValues: flags.map {
                (AbsoluteConfigKey(ConfigKey($0.key)), ConfigValue($0.value, isSecret: false))
            })),
            // Key `max_frame` is looked up as `hazard.max_frame`, which the provider names
            // HAZARD_MAX_FRAME.
            EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "hazard"),
        ]
        var file: (checked: ServeConfigFile, origin: String)?
        if let configFile {
            file = (try ServeConfigFile.check(path: configFile.path), configFile.origin)
            // FileProvider takes its path as a FilePath (swift-system) or from a reader; the
            // reader keeps swift-system out of this target's imports.
            let location = ConfigReader(provider: InMemoryProvider(values: ["filePath": ConfigValue(.string(configFile.path), isSecret: false)]))
            providers.append(try await FileProvider<JSONSnapshot>(config: location))
        }
        let recorder = ConfigSourceRecorder()
        let reader = ConfigReader(providers: providers, accessReporter: recorder)
        let sources: [Source] = [.flag, .environment, .file]

        var entries: [Entry] = []
        for setting in ServeSetting.all {
            let key = ConfigKey(setting.key)
            let value: ConfigContent?
            do {
                switch setting.kind {
                case .string, .path: value = try await reader.fetchString(forKey: key).map(ConfigContent.string)
                case .integer: value = try await reader.fetchInt(forKey: key).map(ConfigContent.int)
                case .seconds: value = try await reader.fetchDouble(forKey: key).map(ConfigContent.double)
                }
            } catch {
                let failed = recorder.answer(for: setting.key)?.failedProvider
                if failed == 1, let raw = environment[setting.environmentVariable] {
                    throw Invalid(message: "\(setting.environmentVariable)=\(raw): must be \(setting.kind.noun)")
                }
                throw Invalid(message: "\(setting.key): \(error)")
            }
            if let value, let index = recorder.answer(for: setting.key)?.provider, index < sources.count {
                entries.append(Entry(setting: setting, value: value, source: sources[index]))
            } else if let fallback = setting.defaultValue {
                entries.append(Entry(setting: setting, value: fallback, source: .defaultValue))
            } else {
                entries.append(Entry(setting: setting, value: nil, source: .unset))
            }
        }
        return ServeSettings(entries: entries, file: file)
    }

    // MARK: Values

    func entry(_ key: String) -> Entry {
        guard let entry = entries.first(where: { $0.setting.key == key }) else { preconditionFailure("no setting '\(key)'") }
        return entry
    }

    func string(_ key: String) -> String? {
        guard case .string(let text)? = entry(key).value else { return nil }
        return text
    }

    /// An `.integer` setting with a default.
    func int(_ key: String) -> Int {
        guard case .int(let number)? = entry(key).value else { preconditionFailure("'\(key)' is not an integer setting with a default") }
        return number
    }

    /// A `.seconds` setting with a default.
    func double(_ key: String) -> Double {
        switch entry(key).value {
        case .double(let number)?: return number
        case .int(let number)?: return Double(number)
        default: preconditionFailure("'\(key)' is not a seconds setting with a default")
        }
    }

    // MARK: Words

    /// Where the value of `key` came from, as a person would find it: `--port 70000`,
    /// `HAZARD_PORT=70000`, `hazard.json:3:11: port`, `default 7420`.
    func origin(_ key: String) -> String {
        let entry = entry(key)
        let text = entry.value.map(Self.text) ?? ""
        switch entry.source {
        case .flag: return "\(entry.setting.flag) \(text)"
        case .environment: return "\(entry.setting.environmentVariable)=\(text)"
        case .file:
            let mark = file?.checked.marks[key].map(\.description) ?? file?.checked.path ?? "config file"
            return "\(mark): \(key) \(text)"
        case .defaultValue: return "\(key) (default \(text))"
        case .unset: return key
        }
    }

    /// The source column of `--print-config`.
    func sourceText(_ entry: Entry) -> String {
        switch entry.source {
        case .flag: return "flag \(entry.setting.flag)"
        case .environment: return "environment \(entry.setting.environmentVariable)"
        case .file: return "config file " + (file?.checked.marks[entry.setting.key].map(\.description) ?? file?.checked.path ?? "")
        case .defaultValue: return "default"
        case .unset: return "not set"
        }
    }

    /// A value as it is written on a command line.
    static func text(_ content: ConfigContent) -> String {
        switch content {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): return String(flag)
        default: return String(describing: content)
        }
    }
}

/// Records which provider answered each key read (its index in the reader's provider list),
/// or which failed: the source `--print-config` shows and errors name.
final class ConfigSourceRecorder: AccessReporter, Sendable {
    struct Answer: Sendable {
        var provider: Int?
        var failedProvider: Int?
    }

    private let answers = Mutex<[String: Answer]>([:])

    func report(_ event: AccessEvent) {
        var answer = Answer()
        // Providers are asked in order until one has a value or throws.
        for (index, result) in event.providerResults.enumerated() {
            switch result.result {
            case .success(let lookup):
                guard lookup.value != nil else { continue }
                answer.provider = index
            case .failure:
                answer.failedProvider = index
            }
            break
        }
        if answer.provider != nil, event.conversionError != nil {
            answer.failedProvider = answer.provider
            answer.provider = nil
        }
        let key = event.metadata.key.components.joined(separator: ".")
        answers.withLock { $0[key] = answer }
    }

    func answer(for key: String) -> Answer? {
        answers.withLock { $0[key] }
    }
}
