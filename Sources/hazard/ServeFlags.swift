import ArgumentParser
import Configuration

/// The flags a command was given, keyed like `ServeSetting` (`maxFrame` → `max_frame`), read
/// off its optional `@Option` properties and those of its `@OptionGroup`s.
///
/// Why reflection: ArgumentParser declares each flag as a property, and `ServeSettings` needs
/// them as one dictionary to put in front of the environment and the file. Reading them by
/// name keeps a setting to its table row and its `@Option` line, with no third list to keep in
/// step. Only options without a default are seen, so an unset flag does not hide a variable.
enum ServeFlags {
    static func given(in arguments: some ParsableArguments) -> [String: ConfigContent] {
        var found: [String: ConfigContent] = [:]
        collect(Mirror(reflecting: arguments), into: &found)
        return found
    }

    private static func collect(_ mirror: Mirror, into found: inout [String: ConfigContent]) {
        for child in mirror.children {
            guard let label = child.label, label.hasPrefix("_") else { continue }
            if let option = child.value as? any GivenFlag {
                if let content = option.givenContent { found[key(forProperty: String(label.dropFirst()))] = content }
            } else if let group = child.value as? any ArgumentGroup {
                collect(Mirror(reflecting: group.arguments), into: &found)
            }
        }
    }

    /// `maxUnauthenticatedPerAddress` → `max_unauthenticated_per_address`.
    static func key(forProperty name: String) -> String {
        var key = ""
        for character in name {
            if character.isUppercase {
                key += "_" + character.lowercased()
            } else {
                key.append(character)
            }
        }
        return key
    }
}

/// An `@Option` whose value, when given, is a configuration value.
protocol GivenFlag {
    var givenContent: ConfigContent? { get }
}

/// The types an optional `@Option` of a setting may have.
protocol FlagContent {
    var flagContent: ConfigContent? { get }
}

protocol ConfigContentConvertible {
    var configContent: ConfigContent { get }
}

extension Int: ConfigContentConvertible { var configContent: ConfigContent { .int(self) } }
extension Double: ConfigContentConvertible { var configContent: ConfigContent { .double(self) } }
extension String: ConfigContentConvertible { var configContent: ConfigContent { .string(self) } }

extension Optional: FlagContent where Wrapped: ConfigContentConvertible {
    var flagContent: ConfigContent? { self?.configContent }
}

/// A repeatable path option (`--checklists A --checklists B`) as one `:`-separated value.
extension Array: FlagContent where Element == String {
    var flagContent: ConfigContent? { isEmpty ? nil : .string(joined(separator: ":")) }
}

extension Option: GivenFlag where Value: FlagContent {
    var givenContent: ConfigContent? { wrappedValue.flagContent }
}

protocol ArgumentGroup {
    var arguments: any ParsableArguments { get }
}

extension OptionGroup: ArgumentGroup {
    var arguments: any ParsableArguments { wrappedValue }
}
